// Saved column mappings (I3): apply one to this file's columns, save the current one, delete one.
import { useState } from 'react';
import { App as AntApp, Button, Flex, Popconfirm, Select, Tooltip } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  createImportPreset,
  deleteImportPreset,
  listImportPresets,
  type ImportEntity,
  type ImportMapping,
  type ImportPreset,
} from '../../api/imports';
import { useCurrentUser } from '../auth/AuthProvider';
import { SaveNamedModal } from '../common/SaveNamedModal';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';

interface Props {
  /** Leads' and targets' mappings are kept apart. */
  entity: ImportEntity;
  mapping: ImportMapping;
  onApply: (preset: ImportPreset) => void;
}

export function MappingPresets({ entity, mapping, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const presetsKey = ['import-presets', entity];
  const presets = useQuery({ queryKey: presetsKey, queryFn: () => listImportPresets(entity), staleTime: 60_000 });
  const [chosenId, setChosenId] = useState<number>();
  const [saving, setSaving] = useState(false);
  const remove = useMutation({
    mutationFn: deleteImportPreset,
    onSuccess: () => {
      setChosenId(undefined);
      void queryClient.invalidateQueries({ queryKey: presetsKey });
      void message.success(t('imports.presets.deleted'));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  const items = presets.data?.items ?? [];
  const chosen = items.find((preset) => preset.id === chosenId);
  const me = useCurrentUser();
  const mayChange = (preset: ImportPreset) =>
    me.role === 'admin' || preset.created_by === null || preset.created_by === me.id;

  const choose = (id: number | undefined) => {
    setChosenId(id);
    const preset = items.find((item) => item.id === id);
    if (!preset) return;
    onApply(preset);
    void message.success(t('imports.presets.applied', { name: preset.name }));
  };

  return (
    <Flex gap={8} wrap align="center">
      <Select
        style={{ minWidth: 260 }}
        allowClear
        placeholder={t('imports.presets.placeholder')}
        value={chosenId}
        loading={presets.isPending}
        notFoundContent={t('imports.presets.none')}
        options={items.map((preset) => ({ value: preset.id, label: preset.name }))}
        onChange={choose}
        data-testid="import-preset-select"
      />
      {chosen && mayChange(chosen) && (
        <Popconfirm
          title={t('imports.presets.deleteConfirm', { name: chosen.name })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, loading: remove.isPending }}
          onConfirm={() => untilAnswered(remove.mutateAsync(chosen.id))}
        >
          <Tooltip title={t('imports.presets.delete')}>
            <Button icon={<DeleteOutlined />} aria-label={t('imports.presets.delete')} />
          </Tooltip>
        </Popconfirm>
      )}
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="import-preset-save">
        {t('imports.presets.save')}
      </Button>
      <SaveNamedModal
        open={saving}
        title={t('imports.presets.saveTitle')}
        nameLabel={t('imports.presets.name')}
        save={({ name }: { name: string }) => createImportPreset(entity, name, mapping)}
        listKey={presetsKey}
        savedMessage={(preset) => t('imports.presets.saved', { name: preset.name })}
        onClose={() => setSaving(false)}
        onSaved={(preset) => {
          setSaving(false);
          setChosenId(preset.id);
        }}
        testIds={{ name: 'import-preset-name', ok: 'import-preset-save-ok' }}
        // One preset per name: saving under one's own replaces it; another's name is refused.
        replaces={(name) => {
          const taken = items.find((preset) => preset.name === name);
          if (!taken) return undefined;
          return t(mayChange(taken) ? 'imports.presets.replaces' : 'imports.presets.takenByOther', { name });
        }}
      />
    </Flex>
  );
}
