// /calls (C1): the calls list with quick filters (mine, scheduled today, overdue), by status and
// result; "Tạo cuộc gọi" with a lead picker; a click on a row edits the call.
import { useMemo, useState } from 'react';
import { Button, Flex, Segmented, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { listCalls } from '../../api/calls';
import type { QueryParams } from '../../api/client';
import type { Call } from '../../api/types';
import { useLanguage } from '../../i18n';
import { formatCount, formatDateTime, formatDuration } from '../common/format';
import { QueryError } from '../common/QueryError';
import { recordPath } from '../common/records';
import { CallFormDrawer } from './CallFormDrawer';
import { CallResultTag, CallStatusTag } from './CallTags';
import { useCallFields } from './useCallFields';

const quickFilters = ['all', 'mine', 'today', 'overdue'] as const;
type QuickFilter = (typeof quickFilters)[number];

const defaultSort = '-start_at';
const defaultPageSize = 50;

function readQuery(search: URLSearchParams) {
  const quick = search.get('show') as QuickFilter | null;
  const page = Number(search.get('page'));
  const pageSize = Number(search.get('page_size'));
  return {
    quick: quick && quickFilters.includes(quick) ? quick : 'all',
    status: search.get('status') ?? undefined,
    result: search.get('result') ?? undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize > 0 ? pageSize : defaultPageSize,
    sort: search.get('sort') === 'start_at' ? 'start_at' : defaultSort,
  };
}

type CallsQuery = ReturnType<typeof readQuery>;

function toApiParams(query: CallsQuery): QueryParams {
  return {
    owner_id: query.quick === 'mine' ? 'me' : undefined,
    due: query.quick === 'today' || query.quick === 'overdue' ? query.quick : undefined,
    status: query.status,
    result: query.result,
    page: query.page,
    page_size: query.pageSize,
    sort: query.sort,
  };
}

function writeQuery(query: CallsQuery): URLSearchParams {
  const search = new URLSearchParams();
  if (query.quick !== 'all') search.set('show', query.quick);
  if (query.status) search.set('status', query.status);
  if (query.result) search.set('result', query.result);
  if (query.page !== 1) search.set('page', String(query.page));
  if (query.pageSize !== defaultPageSize) search.set('page_size', String(query.pageSize));
  if (query.sort !== defaultSort) search.set('sort', query.sort);
  return search;
}

export function CallsListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => readQuery(search), [search]);
  const { fields, error: metaError, refetch: refetchMeta } = useCallFields();
  // The call stays while its drawer closes, so that the drawer does not turn into a new call meanwhile.
  const [editing, setEditing] = useState<{ call: Call; open: boolean } | null>(null);
  const [creating, setCreating] = useState(false);
  const calls = useQuery({
    queryKey: ['calls', toApiParams(query)],
    queryFn: () => listCalls(toApiParams(query)),
    placeholderData: keepPreviousData,
  });
  const change = (changes: Partial<CallsQuery>) => setSearch(writeQuery({ ...query, page: 1, ...changes }));

  const columns = useMemo<TableProps<Call>['columns']>(() => {
    if (!fields) return [];
    return [
      {
        key: 'subject',
        title: fields.label('subject'),
        render: (_, call) => <Typography.Link data-testid="call-subject">{call.subject}</Typography.Link>,
      },
      {
        key: 'parent',
        title: t('calls.related'),  // a lead or a target
        render: (_, call) => (
          <Flex gap={6} align="center">
            {/* The lead (or target) opens; the click does not also open the call. */}
            <Link to={recordPath(call.parent_type, call.parent_id)} onClick={(event) => event.stopPropagation()}>
              {call.parent_name ?? `#${call.parent_id}`}
            </Link>
            {call.parent_type === 'target' && <Tag data-testid="call-parent-target">{t('calls.target')}</Tag>}
          </Flex>
        ),
      },
      {
        key: 'status',
        title: fields.label('status'),
        render: (_, call) => <CallStatusTag status={call.status} fields={fields} />,
      },
      {
        key: 'result',
        title: fields.label('result'),
        render: (_, call) => <CallResultTag result={call.result} fields={fields} />,
      },
      {
        key: 'start_at',
        title: fields.label('start_at'),
        sorter: true,
        sortOrder: query.sort === 'start_at' ? 'ascend' : 'descend',
        render: (_, call) => formatDateTime(call.start_at),
      },
      {
        key: 'duration_s',
        title: fields.label('duration_s'),
        render: (_, call) => (call.duration_s === null ? '' : formatDuration(call.duration_s)),
      },
      { key: 'owner', title: fields.label('owner_id'), render: (_, call) => call.owner_name ?? '' },
    ];
  }, [fields, query.sort, t]);

  if (metaError) return <QueryError error={metaError} onRetry={() => void refetchMeta()} />;

  const onTableChange: TableProps<Call>['onChange'] = (pagination, _filters, sorter, { action }) => {
    if (action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      return change({ sort: single?.order === 'ascend' ? 'start_at' : defaultSort });
    }
    change({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize });
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.calls')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="call-create">
          {t('calls.create')}
        </Button>
      </Flex>
      <Flex wrap gap={8} align="center">
        <Segmented<QuickFilter>
          value={query.quick}
          onChange={(quick) => change({ quick })}
          options={quickFilters.map((value) => ({ value, label: t(`calls.quick.${value}`) }))}
          data-testid="call-quick-filter"
        />
        <Select
          allowClear
          placeholder={fields?.label('status')}
          options={fields?.options('status')}
          value={query.status}
          onChange={(status?: string) => change({ status })}
          style={{ minWidth: 160 }}
          data-testid="call-filter-status"
        />
        <Select
          allowClear
          placeholder={fields?.label('result')}
          options={fields?.options('result')}
          value={query.result}
          onChange={(result?: string) => change({ result })}
          style={{ minWidth: 180 }}
          data-testid="call-filter-result"
        />
      </Flex>
      {calls.error ? (
        <QueryError error={calls.error} onRetry={() => void calls.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="call-total">
            {calls.data ? t('leads.total', { total: formatCount(calls.data.total, language) }) : ' '}
          </Typography.Text>
          <Table<Call>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={calls.data?.items}
            loading={calls.isFetching || !fields}
            onChange={onTableChange}
            onRow={(call) => ({ onClick: () => setEditing({ call, open: true }), style: { cursor: 'pointer' } })}
            sortDirections={['descend', 'ascend', 'descend']}
            scroll={{ x: 1000 }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: calls.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
            }}
            data-testid="call-table"
          />
        </>
      )}
      <CallFormDrawer open={creating} onClose={() => setCreating(false)} />
      {editing && (
        <CallFormDrawer
          open={editing.open}
          call={editing.call}
          onClose={() => setEditing({ ...editing, open: false })}
        />
      )}
    </Flex>
  );
}
