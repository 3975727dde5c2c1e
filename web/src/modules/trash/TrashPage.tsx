// /trash (L14, managers and admins): deleted leads, or deleted targets, with the day they were
// deleted; restore one or the selected ones.
import { useState } from 'react';
import { App as AntApp, Button, Flex, Segmented, Table, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listLeads, restoreLead } from '../../api/leads';
import { listTargets, restoreTarget } from '../../api/targets';
import type { Lead, Page, ParentType, Target } from '../../api/types';
import { useLanguage } from '../../i18n';
import { formatCount, formatDateTime } from '../common/format';
import { QueryError } from '../common/QueryError';
import { useDirectory } from '../common/useDirectory';
import { useLeadFields } from '../leads/useLeadFields';
import { errorText } from '../common/apiErrors';
import { recordListKey } from '../common/records';

const api = {
  lead: { list: listLeads, restore: restoreLead },
  target: { list: listTargets, restore: restoreTarget },
};

const pageSize = 50;

export function TrashPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { userName } = useDirectory();
  const { fields } = useLeadFields();
  const [type, setType] = useState<ParentType>('lead');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const params = { deleted: 'true', page, page_size: pageSize };
  const leads = useQuery({
    queryKey: [...recordListKey(type), params],
    queryFn: (): Promise<Page<Lead | Target>> => api[type].list(params),
    placeholderData: keepPreviousData,
  });
  const restore = useMutation({
    mutationFn: async (ids: number[]) => {
      for (const id of ids) await api[type].restore(id);
      return ids.length;
    },
    onSuccess: (count) => {
      setSelected([]);
      const key = type === 'target' ? 'trash.restoredTargets' : 'trash.restored';
      void message.success(t(key, { count, total: formatCount(count, language) }));
    },
    onError: (error) => void message.error(errorText(error, t)),
    // Some may have been restored before a failure: the list is read again either way.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: recordListKey(type) });
      void queryClient.invalidateQueries({ queryKey: [type] }); // the records' own pages (recordKey)
    },
  });
  const show = (next: ParentType) => {
    setType(next);
    setPage(1);
    setSelected([]);
  };

  const label = (name: string) => fields?.label(name) ?? name;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.trash')}
        </Typography.Title>
        <Button
          icon={<UndoOutlined />}
          disabled={selected.length === 0}
          loading={restore.isPending}
          onClick={() => restore.mutate(selected)}
          data-testid="trash-restore-selected"
        >
          {t('trash.restoreSelected', { count: selected.length })}
        </Button>
      </Flex>
      <Segmented<ParentType>
        value={type}
        onChange={show}
        options={[
          { value: 'lead', label: t('menu.leads') },
          { value: 'target', label: t('menu.targets') },
        ]}
        data-testid="trash-type"
      />
      <Typography.Text type="secondary">{t(type === 'target' ? 'trash.hintTargets' : 'trash.hint')}</Typography.Text>
      {leads.error ? (
        <QueryError error={leads.error} onRetry={() => void leads.refetch()} />
      ) : (
        <Table<Lead | Target>
          rowKey="id"
          size="middle"
          dataSource={leads.data?.items}
          loading={leads.isFetching}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
          columns={[
            { key: 'full_name', title: label('full_name'), render: (_, lead) => lead.full_name },
            { key: 'mobile', title: label('mobile'), render: (_, lead) => lead.mobile },
            { key: 'email', title: label('email'), render: (_, lead) => lead.email },
            {
              key: 'owner_id',
              title: label('owner_id'),
              render: (_, lead) => (lead.owner_id === null ? t('leads.unassigned') : userName(lead.owner_id)),
            },
            {
              key: 'deleted_at',
              title: label('deleted_at'),
              render: (_, lead) => (lead.deleted_at ? formatDateTime(lead.deleted_at) : ''),
            },
            {
              key: 'restore',
              title: '',
              align: 'end',
              render: (_, lead) => (
                <Button
                  size="small"
                  icon={<UndoOutlined />}
                  onClick={() => restore.mutate([lead.id])}
                  data-testid="trash-restore"
                >
                  {t('leadDetail.restore')}
                </Button>
              ),
            },
          ]}
          pagination={{
            current: page,
            pageSize,
            total: leads.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          data-testid="trash-table"
        />
      )}
    </Flex>
  );
}
