// Create a target list or change its name and description (its maker or an admin).
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { createTargetList, updateTargetList, type TargetList } from '../../api/targetLists';
import { SaveNamedModal } from '../common/SaveNamedModal';
import { targetListsKey, useStoreTargetList } from './targetListQueries';

interface Values {
  name: string;
  description?: string;
}

interface Props {
  open: boolean;
  /** The list to change; none makes a new one. */
  list?: TargetList;
  onClose: () => void;
}

export function TargetListModal({ open, list, onClose }: Props) {
  const { t } = useTranslation();
  const storeList = useStoreTargetList();
  const save = ({ name, description }: Values) => {
    const input = { name, description: description?.trim() || null };
    return list ? updateTargetList(list.id, input) : createTargetList(input);
  };

  return (
    <SaveNamedModal<Values, TargetList>
      open={open}
      title={list ? t('targetLists.edit') : t('targetLists.create')}
      nameLabel={t('targetLists.name')}
      values={{ name: list?.name ?? '', description: list?.description ?? '' }}
      save={save}
      listKey={targetListsKey}
      savedMessage={(saved) => t('targetLists.saved', { name: saved.name })}
      onSaved={(saved) => {
        storeList(saved);
        onClose();
      }}
      onClose={onClose}
      nameTaken="list_name_taken"
      testIds={{ form: 'target-list-form', name: 'target-list-name', ok: 'target-list-save' }}
    >
      <Form.Item name="description" label={t('targetLists.description')} style={{ marginBottom: 0 }}>
        <Input.TextArea
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid="target-list-description"
        />
      </Form.Item>
    </SaveNamedModal>
  );
}
