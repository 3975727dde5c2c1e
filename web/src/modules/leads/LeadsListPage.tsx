// /leads: search, filters, server-side paging and sorting (L6); create and quick add (L1).
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Button, Flex, Table, Tooltip, Typography, type TableProps } from 'antd';
import { PlusOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { listLeads } from '../../api/leads';
import type { Lead } from '../../api/types';
import { formatDateTime } from '../common/format';
import { QueryError } from '../common/QueryError';
import { useDirectory } from '../common/useDirectory';
import { LeadFilters } from './LeadFilters';
import { defaultSort, readListQuery, toApiParams, writeListQuery, type Filters, type ListQuery } from './listQuery';
import { QuickAddModal } from './QuickAddModal';
import { StatusTag } from './StatusTag';
import { useLeadFields, type LeadFields } from './useLeadFields';

function useColumns(fields: LeadFields | undefined, sort: string): TableProps<Lead>['columns'] {
  const { t } = useTranslation();
  const { userName } = useDirectory();
  return useMemo(() => {
    if (!fields) return [];
    const column = (name: string, render?: (lead: Lead) => ReactNode) => ({
      key: name,
      dataIndex: name,
      title: fields.label(name),
      sorter: fields.get(name)?.sortable ?? false,
      sortOrder: sort === name ? ('ascend' as const) : sort === `-${name}` ? ('descend' as const) : null,
      render: render ? (_: unknown, lead: Lead) => render(lead) : undefined,
    });
    return [
      column('full_name', (lead) => (
        <Flex gap={6} align="center">
          <Link to={`/leads/${lead.id}`}>{lead.full_name}</Link>
          {lead.do_not_contact && (
            <Tooltip title={t('leads.doNotContact')}>
              <StopOutlined style={{ color: '#cf1322' }} aria-label={t('leads.doNotContact')} data-testid="dnc-flag" />
            </Tooltip>
          )}
        </Flex>
      )),
      column('mobile'),
      column('email'),
      column('company'),
      column('status', (lead) => <StatusTag status={lead.status} fields={fields} />),
      column('stage', (lead) => fields.optionLabel('stage', lead.stage)),
      column('owner_id', (lead) =>
        lead.owner_id === null ? (
          <Typography.Text type="secondary">{t('leads.unassigned')}</Typography.Text>
        ) : (
          userName(lead.owner_id)
        ),
      ),
      column('source', (lead) => fields.display('source', lead.source)),
      column('created_at', (lead) => formatDateTime(lead.created_at)),
    ];
  }, [fields, sort, t, userName]);
}

export function LeadsListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [quickAddOpen, setQuickAddOpen] = useState(false);
  const listQuery = useMemo(() => readListQuery(search), [search]);
  const { fields, error: metaError, refetch: refetchMeta } = useLeadFields();
  const leads = useQuery({
    queryKey: ['leads', toApiParams(listQuery)],
    queryFn: () => listLeads(toApiParams(listQuery)),
    placeholderData: keepPreviousData,
  });
  const columns = useColumns(fields, listQuery.sort);

  const navigateList = useCallback(
    (next: ListQuery, replace = false) => setSearch(writeListQuery(next), { replace }),
    [setSearch],
  );

  const changeFilters = useCallback(
    (changes: Filters) =>
      // Typing in the search box replaces the history entry instead of adding one per pause.
      navigateList({ ...listQuery, filters: { ...listQuery.filters, ...changes }, page: 1 }, 'q' in changes),
    [listQuery, navigateList],
  );

  const onTableChange: TableProps<Lead>['onChange'] = (pagination, _filters, sorter, { action }) => {
    if (action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const sort = single?.order ? `${single.order === 'descend' ? '-' : ''}${String(single.columnKey)}` : defaultSort;
      navigateList({ ...listQuery, sort, page: 1 });
      return;
    }
    navigateList({ ...listQuery, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? listQuery.pageSize });
  };

  if (metaError) return <QueryError error={metaError} onRetry={() => void refetchMeta()} />;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.leads')}
        </Typography.Title>
        <Flex gap={8}>
          <Button
            icon={<ThunderboltOutlined />}
            onClick={() => setQuickAddOpen(true)}
            disabled={!fields}
            data-testid="lead-quick-add"
          >
            {t('leads.quickAdd')}
          </Button>
          <Link to="/leads/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="lead-create">
              {t('leads.create')}
            </Button>
          </Link>
        </Flex>
      </Flex>
      {fields && <LeadFilters filters={listQuery.filters} fields={fields} onChange={changeFilters} />}
      {leads.error ? (
        <QueryError error={leads.error} onRetry={() => void leads.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="lead-total">
            {leads.data ? t('leads.total', { count: leads.data.total }) : ' '}
          </Typography.Text>
          <Table<Lead>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={leads.data?.items}
            loading={leads.isFetching || !fields}
            onChange={onTableChange}
            // Sorting toggles between ascending and descending; it never falls back to "unsorted".
            sortDirections={['ascend', 'descend', 'ascend']}
            scroll={{ x: 1100 }}
            pagination={{
              current: listQuery.page,
              pageSize: listQuery.pageSize,
              total: leads.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
            }}
            data-testid="lead-table"
          />
        </>
      )}
      {fields && <QuickAddModal open={quickAddOpen} fields={fields} onClose={() => setQuickAddOpen(false)} />}
    </Flex>
  );
}
