// L7: pick a saved view (mine and those shared with my team), save the current filter as one,
// delete my own.
import { useState } from 'react';
import { App as AntApp, Button, Checkbox, Flex, Form, Popconfirm, Select, Tooltip } from 'antd';
import { DeleteOutlined, SaveOutlined, ShareAltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createView, deleteView, listViews } from '../../api/views';
import type { LeadFilter, SavedView } from '../../api/types';
import { SaveNamedModal } from '../common/SaveNamedModal';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';

const viewsKey = ['views', 'leads'];

export function useSavedViews() {
  return useQuery({ queryKey: viewsKey, queryFn: listViews, staleTime: 60_000 });
}

interface Props {
  activeId: string | undefined;
  /** The filter and sort the list shows now: what "Lưu bộ lọc" saves. */
  filter: LeadFilter;
  sort: string;
  onPick: (view: SavedView | undefined) => void;
  /** The view in use was deleted: the list keeps showing its filter. */
  onDeleted: () => void;
}

export function SavedViews({ activeId, filter, sort, onPick, onDeleted }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const views = useSavedViews();
  const items = views.data?.items ?? [];
  const active = items.find((view) => String(view.id) === activeId);
  const remove = useMutation({
    mutationFn: (id: number) => deleteView(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: viewsKey });
      void message.success(t('views.deleted'));
      onDeleted();
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const option = (view: SavedView) => ({
    value: String(view.id),
    label: (
      <Flex gap={6} align="center">
        <span>{view.name}</span>
        {view.shared && <ShareAltOutlined style={{ color: '#8c8c8c' }} />}
        {!view.mine && view.owner_name && <span style={{ color: '#8c8c8c' }}>· {view.owner_name}</span>}
      </Flex>
    ),
    name: view.name,
  });
  const mine = items.filter((view) => view.mine);
  const shared = items.filter((view) => !view.mine);

  return (
    <Flex gap={8} align="center">
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'name' }}
        placeholder={t('views.placeholder')}
        loading={views.isPending}
        value={active ? activeId : undefined}
        onChange={(id?: string) => onPick(items.find((view) => String(view.id) === id))}
        options={[
          ...(mine.length > 0 ? [{ label: t('views.mine'), options: mine.map(option) }] : []),
          ...(shared.length > 0 ? [{ label: t('views.sharedWithMe'), options: shared.map(option) }] : []),
        ]}
        notFoundContent={t('views.none')}
        style={{ minWidth: 220 }}
        data-testid="view-select"
      />
      {active?.mine && (
        <Popconfirm
          title={t('views.deleteConfirm', { name: active.name })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, loading: remove.isPending }}
          onConfirm={() => untilAnswered(remove.mutateAsync(active.id))}
        >
          <Tooltip title={t('views.delete')}>
            <Button icon={<DeleteOutlined />} aria-label={t('views.delete')} data-testid="view-delete" />
          </Tooltip>
        </Popconfirm>
      )}
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="view-save">
        {t('views.save')}
      </Button>
      <SaveNamedModal
        open={saving}
        title={t('views.saveTitle')}
        nameLabel={t('views.name')}
        namePlaceholder={t('views.namePlaceholder')}
        save={({ name, shared }: { name: string; shared?: boolean }) =>
          createView({ entity: 'leads', name, filter, sort, shared: Boolean(shared) })
        }
        listKey={viewsKey}
        savedMessage={(view) => t('views.saved', { name: view.name })}
        onClose={() => setSaving(false)}
        onSaved={(view) => {
          setSaving(false);
          onPick(view);
        }}
        testIds={{ form: 'view-save-form', name: 'view-name', ok: 'view-save-ok' }}
      >
        <Form.Item name="shared" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox data-testid="view-shared">{t('views.share')}</Checkbox>
        </Form.Item>
      </SaveNamedModal>
    </Flex>
  );
}
