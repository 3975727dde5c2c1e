// Above the leads list when it shows a target list's members (?target_list_id=): which list, a
// close that shows all leads again, and taking the selected rows out of the list (the leads stay).
import { Alert, App as AntApp, Button, Flex, Popconfirm } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { removeTargetListMembers } from '../../api/targetLists';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';
import { useRefreshAfterMembership, useTargetList } from './targetListQueries';

interface Props {
  listId: number;
  selected: number[];
  onClear: () => void;
  onRemoved: () => void;
}

export function TargetListBanner({ listId, selected, onClear, onRemoved }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const list = useTargetList(listId);
  const refresh = useRefreshAfterMembership();
  const name = list.data?.name ?? t('targetLists.unknown', { id: listId });
  const remove = useMutation({
    mutationFn: (ids: number[]) => removeTargetListMembers(listId, { ids }),
    onSuccess: ({ removed }) => {
      refresh();
      onRemoved();
      void message.success(t('targetLists.removed', { count: removed, name }));
    },
    onError: (error) => {
      void message.error(errorText(error, t));
      void list.refetch();  // deleted in another tab meanwhile: the banner says so, not the old name alone
    },
  });

  return (
    <Alert
      type="info"
      showIcon
      data-testid="target-list-filter"
      title={
        <span>
          {t('targetLists.showing')} <strong data-testid="target-list-filter-name">{name}</strong>
          {list.error && ` — ${errorText(list.error, t)}`}
        </span>
      }
      // Under the name, not beside it: at phone width a side column squeezed the name to ~90 px.
      description={
        <Flex gap={8} wrap>
          {selected.length > 0 && (
            <Popconfirm
              title={t('targetLists.removeConfirm', { count: selected.length, name })}
              okText={t('targetLists.remove')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() => untilAnswered(remove.mutateAsync(selected))}
            >
              <Button size="small" danger loading={remove.isPending} data-testid="target-list-remove">
                {t('targetLists.removeSelected', { count: selected.length })}
              </Button>
            </Popconfirm>
          )}
          <Button size="small" icon={<CloseOutlined />} onClick={onClear} data-testid="target-list-filter-clear">
            {t('targetLists.showAll')}
          </Button>
        </Flex>
      }
    />
  );
}
