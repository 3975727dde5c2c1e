// Create a target list or change its name and description (its maker or an admin).
import { useEffect } from 'react';
import { App as AntApp, Button, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createTargetList, updateTargetList, type TargetList } from '../../api/targetLists';
import { clearServerErrors } from '../common/apiErrors';
import { showListSaveError } from './listNameError';
import { useStoreTargetList } from './targetListQueries';

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
  const { message } = AntApp.useApp();
  const storeList = useStoreTargetList();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ name: list?.name ?? '', description: list?.description ?? '' });
  }, [open, list, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const input = { name: values.name.trim(), description: values.description?.trim() || null };
      return list ? updateTargetList(list.id, input) : createTargetList(input);
    },
    onSuccess: (saved) => {
      storeList(saved);
      void message.success(t('targetLists.saved', { name: saved.name }));
      onClose();
    },
    onError: (error) => showListSaveError(error, { form, message, t }),
  });

  return (
    <Modal
      open={open}
      title={list ? t('targetLists.edit') : t('targetLists.create')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="target-list-save"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        onValuesChange={(changed) => clearServerErrors(form, changed)}
        data-testid="target-list-form"
      >
        <Form.Item
          name="name"
          label={t('targetLists.name')}
          rules={[{ required: true, whitespace: true, message: t('fieldErrors.required') }]}
        >
          <Input maxLength={100} data-testid="target-list-name" />
        </Form.Item>
        <Form.Item name="description" label={t('targetLists.description')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid="target-list-description"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
