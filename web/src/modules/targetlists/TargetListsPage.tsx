// /target-lists (K2; admins, managers, marketers): every target list with its leads count, who
// made it and when; a list's name opens its leads in the leads list. Its maker or an admin
// renames or deletes it (the leads stay).
import { useState, type HTMLAttributes } from 'react';
import { App as AntApp, Button, Flex, Popconfirm, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { deleteTargetList, type TargetList } from '../../api/targetLists';
import { useLanguage } from '../../i18n';
import { useCurrentUser } from '../auth/AuthProvider';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';
import { formatCount, formatDateTime } from '../common/format';
import { QueryError } from '../common/QueryError';
import { targetListLeadsPath } from './paths';
import { TargetListModal } from './TargetListModal';
import { useRefreshAfterMembership, useTargetLists } from './targetListQueries';

// A long name (100 characters are allowed) ends in "…" rather than pushing the columns away.
const nameStyle = {
  display: 'inline-block',
  maxWidth: 320,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'bottom',
} as const;

export function TargetListsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const language = useLanguage();
  const user = useCurrentUser();
  const lists = useTargetLists();
  const refresh = useRefreshAfterMembership();
  const mayChange = (list: TargetList) => list.mine || user.role === 'admin';
  // The list stays while its dialog closes, so that the dialog does not turn into a new list meanwhile.
  const [editing, setEditing] = useState<{ open: boolean; list?: TargetList }>({ open: false });
  const remove = useMutation({
    mutationFn: (list: TargetList) => deleteTargetList(list.id),
    onSuccess: (_, list) => {
      refresh();
      void message.success(t('targetLists.deleted', { name: list.name }));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.targetLists')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ open: true })}
          data-testid="target-list-create"
        >
          {t('targetLists.create')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('targetLists.hint')}</Typography.Text>
      {lists.error && !lists.data ? (
        <QueryError error={lists.error} onRetry={() => void lists.refetch()} />
      ) : (
        <Table<TargetList>
          rowKey="id"
          size="middle"
          loading={lists.isPending}
          dataSource={lists.data?.items ?? []}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('targetLists.none') }}
          scroll={{ x: 'max-content' }}
          onRow={(list) => ({ 'data-testid': `target-list-row-${list.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid="target-lists-table"
          columns={[
            {
              key: 'name',
              title: t('targetLists.name'),
              render: (_, list) => (
                <Link
                  to={targetListLeadsPath(list.id)}
                  title={list.name}
                  style={nameStyle}
                  data-testid="target-list-link"
                >
                  {list.name}
                </Link>
              ),
            },
            {
              key: 'description',
              title: t('targetLists.description'),
              render: (_, list) => (
                <Typography.Paragraph
                  type="secondary"
                  ellipsis={{ rows: 2, tooltip: list.description }}
                  style={{ margin: 0, maxWidth: 360 }}
                >
                  {list.description ?? ''}
                </Typography.Paragraph>
              ),
            },
            {
              key: 'members',
              title: t('targetLists.members'),
              align: 'right',
              render: (_, list) => <span data-testid="target-list-members">{formatCount(list.members, language)}</span>,
            },
            {
              key: 'created_by',
              title: t('targetLists.createdBy'),
              render: (_, list) => list.created_by_name ?? '—',
            },
            {
              key: 'created_at',
              title: t('targetLists.createdAt'),
              render: (_, list) => formatDateTime(list.created_at),
            },
            {
              key: 'actions',
              title: '',
              fixed: 'right',
              render: (_, list) =>
                mayChange(list) && (
                  <Flex gap={4}>
                    <Button
                      icon={<EditOutlined />}
                      onClick={() => setEditing({ open: true, list })}
                      aria-label={t('common.edit')}
                      data-testid="target-list-edit"
                    />
                    <Popconfirm
                      title={t('targetLists.deleteConfirm', { name: list.name })}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true, loading: remove.isPending }}
                      onConfirm={() => untilAnswered(remove.mutateAsync(list))}
                    >
                      <Button
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        data-testid="target-list-delete"
                      />
                    </Popconfirm>
                  </Flex>
                ),
            },
          ]}
        />
      )}
      <TargetListModal
        open={editing.open}
        list={editing.list}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
      />
    </Flex>
  );
}
