// /targets (T1–T5): search and filters (status, owner, source, created), server-side paging and
// sorting, and for everyone but agents row selection with Mass Update (T4), Convert to Lead (T3)
// and Export; "Create Target" and "Import Target" (T5).
import { useCallback, useMemo, useState } from 'react';
import { Button, Flex, Table, Typography, type TableProps } from 'antd';
import { EditOutlined, ImportOutlined, PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { listTargets, targetsExportUrl } from '../../api/targets';
import type { Target } from '../../api/types';
import { useLanguage } from '../../i18n';
import { useCurrentUser } from '../auth/AuthProvider';
import { useCampaignNames } from '../campaigns/campaignQueries';
import { formatCount } from '../common/format';
import { QueryError } from '../common/QueryError';
import { canImport } from '../imports/access';
import { newImportPath } from '../imports/entity';
import { ExportButton } from '../leads/ExportButton';
import { LeadFilters } from '../leads/LeadFilters';
import { useRecordColumns } from '../leads/useRecordColumns';
import {
  changedByTable,
  readListQuery,
  toApiParams,
  toFilterParams,
  writeListQuery,
  type Filters,
  type ListQuery,
} from '../leads/listQuery';
import { MassUpdateModal } from '../leads/MassUpdateModal';
import { useTargetFields } from '../leads/useLeadFields';
import { worksOnManyTargets } from './access';
import { ConvertModal } from './ConvertModal';
import { SelectionCount } from '../common/SelectionCount';

export const targetColumns = ['full_name', 'mobile', 'email', 'source', 'status', 'owner_id', 'created_at'];

export function TargetsListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const [massUpdateOpen, setMassUpdateOpen] = useState(false);
  const [convertOpen, setConvertOpen] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const listQuery = useMemo(() => readListQuery(search), [search]);
  const { fields, error: metaError, refetch: refetchMeta } = useTargetFields();
  const targets = useQuery({
    queryKey: ['targets', toApiParams(listQuery)],
    queryFn: () => listTargets(toApiParams(listQuery)),
    placeholderData: keepPreviousData,
  });
  const columnNames = useMemo(() => targetColumns.filter((name) => fields?.get(name)), [fields]);
  const campaignName = useCampaignNames([]);
  const columns = useRecordColumns<Target>('target', fields, columnNames, listQuery.sort, campaignName);
  const many = worksOnManyTargets(user.role);

  const navigateList = useCallback(
    (next: ListQuery, replace = false) => setSearch(writeListQuery(next), { replace }),
    [setSearch],
  );
  const changeFilters = useCallback(
    (changes: Filters) => {
      setSelected([]);
      // Typing in the search box replaces the history entry instead of adding one per pause.
      navigateList({ ...listQuery, filters: { ...listQuery.filters, ...changes }, page: 1 }, 'q' in changes);
    },
    [listQuery, navigateList],
  );
  const onTableChange: TableProps<Target>['onChange'] = (pagination, _filters, sorter, extra) =>
    navigateList(changedByTable(listQuery, pagination, sorter, extra));

  if (metaError) return <QueryError error={metaError} onRetry={() => void refetchMeta()} />;

  const total = targets.data?.total ?? 0;
  const totalText = targets.data
    ? t(targets.data.total_capped ? 'leads.totalCapped' : 'leads.total', { total: formatCount(total, language) })
    : ' ';
  const nothing = selected.length === 0 && total === 0;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.targets')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {many && (
            <ExportButton
              params={{ ...toFilterParams(listQuery), sort: listQuery.sort }}
              columns={[...columnNames, 'lead_id']}
              disabled={!fields}
              exportUrl={targetsExportUrl}
            />
          )}
          {canImport(user.role) && (
            <Link to={newImportPath('targets')}>
              <Button icon={<ImportOutlined />} data-testid="target-import">
                {t('targets.import')}
              </Button>
            </Link>
          )}
          <Link to="/targets/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="target-create">
              {t('targets.create')}
            </Button>
          </Link>
        </Flex>
      </Flex>
      {fields && <LeadFilters filters={listQuery.filters} fields={fields} onChange={changeFilters} more={false} />}
      {targets.error ? (
        <QueryError error={targets.error} onRetry={() => void targets.refetch()} />
      ) : (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary" data-testid="target-total">
              {totalText}
            </Typography.Text>
            {many && (
              <Flex gap={8} align="center" wrap data-testid="mass-update-bar">
                {selected.length > 0 && (
                  <SelectionCount
                    text={t('massUpdate.targets.selectedCount', { count: selected.length })}
                    onClear={() => setSelected([])}
                  />
                )}
                <Button
                  icon={<EditOutlined />}
                  onClick={() => setMassUpdateOpen(true)}
                  disabled={!fields || nothing}
                  data-testid="mass-update-open"
                >
                  {t('massUpdate.open')}
                </Button>
                <Button
                  icon={<UserSwitchOutlined />}
                  onClick={() => setConvertOpen(true)}
                  disabled={nothing}
                  data-testid="target-convert-open"
                >
                  {t('targets.convert.open')}
                </Button>
              </Flex>
            )}
          </Flex>
          <Table<Target>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={targets.data?.items}
            loading={targets.isFetching || !fields}
            onChange={onTableChange}
            rowSelection={
              many
                ? {
                    selectedRowKeys: selected,
                    preserveSelectedRowKeys: true,
                    onChange: (keys) => setSelected(keys.map(Number)),
                  }
                : undefined
            }
            // Sorting toggles between ascending and descending; it never falls back to "unsorted".
            sortDirections={['ascend', 'descend', 'ascend']}
            scroll={{ x: 1000 }}
            pagination={{
              current: listQuery.page,
              pageSize: listQuery.pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
            }}
            data-testid="target-table"
          />
        </>
      )}
      {fields && many && (
        <MassUpdateModal
          entity="targets"
          open={massUpdateOpen}
          fields={fields}
          selectedIds={selected}
          filter={toFilterParams(listQuery)}
          matching={total}
          onClose={() => setMassUpdateOpen(false)}
          onDone={() => {
            setMassUpdateOpen(false);
            setSelected([]);
          }}
        />
      )}
      {many && (
        <ConvertModal
          open={convertOpen}
          selectedIds={selected}
          filter={toFilterParams(listQuery)}
          matching={total}
          onClose={() => setConvertOpen(false)}
          onDone={() => {
            setConvertOpen(false);
            setSelected([]);
          }}
        />
      )}
    </Flex>
  );
}
