// /leads: search, filters, saved views, server-side paging and sorting (L6, L7); the user's
// columns (L7); row selection and mass update for managers (L8); create and quick add (L1);
// adding the selection or the filter to a target list, and a list's members (K2).
import { useCallback, useMemo, useState } from 'react';
import { Button, Flex, Table, Tooltip, Typography, type TableProps } from 'antd';
import {
  EditOutlined,
  PlusOutlined,
  SettingOutlined,
  ThunderboltOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { listLeads } from '../../api/leads';
import { addTargetListMembers } from '../../api/targetLists';
import type { Lead, SavedView } from '../../api/types';
import { useLanguage } from '../../i18n';
import { useCurrentUser } from '../auth/AuthProvider';
import { useCampaignNames } from '../campaigns/campaignQueries';
import { formatCount } from '../common/format';
import { QueryError } from '../common/QueryError';
import { canImport } from '../imports/access';
import { usesTargetLists } from '../targetlists/access';
import { AddToListModal } from '../targetlists/AddToListModal';
import { TargetListBanner } from '../targetlists/TargetListBanner';
import { ColumnSettingsDrawer } from './ColumnSettingsDrawer';
import { ExportButton } from './ExportButton';
import { LeadFilters } from './LeadFilters';
import {
  changedByTable,
  defaultSort,
  readListQuery,
  setFilters,
  toApiParams,
  toFilterParams,
  writeListQuery,
  type Filters,
  type ListQuery,
} from './listQuery';
import { MassUpdateModal } from './MassUpdateModal';
import { QuickAddModal } from './QuickAddModal';
import { SavedViews, useSavedViews } from './SavedViews';
import { useLeadColumns } from './useLeadColumns';
import { useLeadFields } from './useLeadFields';
import { useRecordColumns } from './useRecordColumns';
import { SelectionCount } from '../common/SelectionCount';

export function LeadsListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const [quickAddOpen, setQuickAddOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [massUpdateOpen, setMassUpdateOpen] = useState(false);
  const [addToListOpen, setAddToListOpen] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const listQuery = useMemo(() => readListQuery(search), [search]);
  const { fields, error: metaError, refetch: refetchMeta } = useLeadFields();
  const { columns: columnNames, loading: columnsLoading } = useLeadColumns(fields);
  const views = useSavedViews();
  const leads = useQuery({
    queryKey: ['leads', toApiParams(listQuery)],
    queryFn: () => listLeads(toApiParams(listQuery)),
    placeholderData: keepPreviousData,
  });
  // The campaign column names the campaigns, all read in one request (see useCampaignNames).
  const campaignName = useCampaignNames(
    columnNames.includes('campaign_id') ? (leads.data?.items ?? []).map((lead) => lead.campaign_id) : [],
  );
  const columns = useRecordColumns<Lead>('lead', fields, columnNames, listQuery.sort, campaignName);
  const canMassUpdate = user.role !== 'agent';
  const canUseLists = usesTargetLists(user.role);

  // What the filter bar shows: the view's filter under the explicit ones, as the server applies them.
  const activeView = views.data?.items.find((view) => String(view.id) === listQuery.viewId);
  const shownFilters = useMemo<Filters>(
    () => ({ ...activeView?.filter, ...listQuery.filters }),
    [activeView, listQuery.filters],
  );

  // The target list whose members the list shows (from the URL or the view's filter).
  const listParam = shownFilters.target_list_id;
  const shownListId = listParam && /^\d+$/.test(listParam) ? Number(listParam) : undefined;

  const navigateList = useCallback(
    (next: ListQuery, replace = false) => setSearch(writeListQuery(next), { replace }),
    [setSearch],
  );

  const changeFilters = useCallback(
    (changes: Filters) => {
      setSelected([]);
      // A changed filter is no longer the view: its filter is carried over explicitly.
      navigateList(
        { ...listQuery, filters: { ...shownFilters, ...changes }, viewId: undefined, page: 1 },
        // Typing in the search box replaces the history entry instead of adding one per pause.
        'q' in changes,
      );
    },
    [listQuery, shownFilters, navigateList],
  );

  const pickView = (view: SavedView | undefined) => {
    setSelected([]);
    navigateList({
      ...listQuery,
      filters: {},
      viewId: view ? String(view.id) : undefined,
      sort: view?.sort || defaultSort,
      page: 1,
    });
  };

  const onTableChange: TableProps<Lead>['onChange'] = (pagination, _filters, sorter, extra) =>
    navigateList(changedByTable(listQuery, pagination, sorter, extra));

  if (metaError) return <QueryError error={metaError} onRetry={() => void refetchMeta()} />;

  const total = leads.data?.total ?? 0;
  const totalText = leads.data
    ? leads.data.total_capped
      ? t('leads.totalCapped', { total: formatCount(total, language) })
      : t('leads.total', { total: formatCount(total, language) })
    : ' ';
  // What "Add to list" adds: the selected rows, or with none selected every lead the list matches.
  const addingWhat =
    selected.length > 0
      ? t('targetLists.selectedLeads', { count: selected.length })
      : t('targetLists.matchingLeads', {
          count: total,
          total: `${formatCount(total, language)}${leads.data?.total_capped ? '+' : ''}`,
        });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.leads')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <SavedViews
            activeId={listQuery.viewId}
            filter={setFilters(shownFilters)}
            sort={listQuery.sort}
            onPick={pickView}
            onDeleted={() => changeFilters({})}
          />
          <Tooltip title={t('columns.title')}>
            <Button
              icon={<SettingOutlined />}
              onClick={() => setSettingsOpen(true)}
              disabled={!fields || columnsLoading}
              aria-label={t('columns.title')}
              data-testid="table-settings"
            />
          </Tooltip>
          {canImport(user.role) && (
            <ExportButton
              params={{ ...toFilterParams(listQuery), sort: listQuery.sort }}
              columns={columnNames}
              disabled={!fields || columnsLoading}
            />
          )}
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
      {fields && <LeadFilters filters={shownFilters} fields={fields} onChange={changeFilters} />}
      {canUseLists && shownListId !== undefined && (
        <TargetListBanner
          listId={shownListId}
          selected={selected}
          onClear={() => changeFilters({ target_list_id: undefined })}
          onRemoved={() => setSelected([])}
        />
      )}
      {leads.error ? (
        <QueryError error={leads.error} onRetry={() => void leads.refetch()} />
      ) : (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary" data-testid="lead-total">
              {totalText}
            </Typography.Text>
            {canMassUpdate && (
              <Flex gap={8} align="center" wrap data-testid="mass-update-bar">
                {selected.length > 0 && (
                  <SelectionCount
                    text={t('massUpdate.selectedCount', { count: selected.length })}
                    onClear={() => setSelected([])}
                  />
                )}
                <Button
                  icon={<EditOutlined />}
                  onClick={() => setMassUpdateOpen(true)}
                  disabled={!fields || (selected.length === 0 && total === 0)}
                  data-testid="mass-update-open"
                >
                  {t('massUpdate.open')}
                </Button>
                {canUseLists && (
                  <Button
                    icon={<UnorderedListOutlined />}
                    onClick={() => setAddToListOpen(true)}
                    disabled={selected.length === 0 && total === 0}
                    data-testid="add-to-list-open"
                  >
                    {t('targetLists.addToList')}
                  </Button>
                )}
              </Flex>
            )}
          </Flex>
          <Table<Lead>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={leads.data?.items}
            loading={leads.isFetching || !fields || columnsLoading}
            onChange={onTableChange}
            rowSelection={
              canMassUpdate
                ? {
                    selectedRowKeys: selected,
                    preserveSelectedRowKeys: true,
                    onChange: (keys) => setSelected(keys.map(Number)),
                  }
                : undefined
            }
            // Sorting toggles between ascending and descending; it never falls back to "unsorted".
            sortDirections={['ascend', 'descend', 'ascend']}
            scroll={{ x: Math.max(1100, columnNames.length * 150) }}
            pagination={{
              current: listQuery.page,
              pageSize: listQuery.pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
            }}
            data-testid="lead-table"
          />
        </>
      )}
      {fields && <QuickAddModal open={quickAddOpen} fields={fields} onClose={() => setQuickAddOpen(false)} />}
      {fields && (
        <ColumnSettingsDrawer
          open={settingsOpen}
          fields={fields}
          columns={columnNames}
          onClose={() => setSettingsOpen(false)}
        />
      )}
      {fields && canMassUpdate && (
        <MassUpdateModal
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
      {canUseLists && (
        <AddToListModal
          open={addToListOpen}
          what={addingWhat}
          add={(listId) =>
            addTargetListMembers(
              listId,
              selected.length > 0 ? { ids: selected } : { filter: toFilterParams(listQuery) },
            )
          }
          onAdded={() => setSelected([])}
          onClose={() => setAddToListOpen(false)}
        />
      )}
    </Flex>
  );
}
