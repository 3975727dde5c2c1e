// Asks for a name (and whatever else `children` adds to the form) and saves something under it:
// saved views (L7), import mapping presets (I3), target lists (K2) and campaigns (K1), new ones or
// (with `values`) one being changed. Server errors land on their fields, a taken name on the name.
import { useEffect, useEffectEvent, type ReactNode } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { clearServerErrors, showSaveError } from './apiErrors';
import { keepEnterInPickers } from './pickerEnter';

interface Props<V extends { name: string }, R extends { name: string }> {
  open: boolean;
  title: string;
  nameLabel: string;
  namePlaceholder?: string;
  /** Saves the values (the name already trimmed). */
  save: (values: V) => Promise<R>;
  /** The list the saved item joins, refreshed after saving. */
  listKey: QueryKey;
  savedMessage: (saved: R) => string;
  onSaved: (saved: R) => void;
  onClose: () => void;
  testIds: { form?: string; name: string; ok: string };
  /** What saving under this name would replace, said before the user saves; undefined if nothing. */
  replaces?: (name: string) => string | undefined;
  /** What the form holds each time it opens (the record being changed); without, what was typed stays until saved. */
  values?: Partial<V>;
  /** The reason of the 409 that refuses a name another record has: said under the name box. */
  nameTaken?: string;
  nameMaxLength?: number;
  width?: number;
  children?: ReactNode;
}

export function SaveNamedModal<V extends { name: string }, R extends { name: string }>({
  open,
  title,
  nameLabel,
  namePlaceholder,
  save,
  listKey,
  savedMessage,
  onSaved,
  onClose,
  testIds,
  replaces,
  values,
  nameTaken,
  nameMaxLength = 100,
  width,
  children,
}: Props<V, R>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V>();
  const name = Form.useWatch('name', form) as string | undefined;
  const replaced = name?.trim() ? replaces?.(name.trim()) : undefined;
  const fill = useEffectEvent(() => {
    if (!values) return;
    form.resetFields();
    form.setFieldsValue(values);
  });
  useEffect(() => {
    if (open) fill();
  }, [open]);
  const mutation = useMutation({
    mutationFn: (values: V) => save({ ...values, name: values.name.trim() }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: listKey });
      void message.success(savedMessage(saved));
      form.resetFields();
      onSaved(saved);
    },
    onError: (error) => showSaveError(error, { form, message, t, nameTaken }),
  });
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      width={width}
      forceRender
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={mutation.isPending}
          onClick={() => form.submit()}
          data-testid={testIds.ok}
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        onValuesChange={(changed) => clearServerErrors(form, changed)}
        onKeyDown={keepEnterInPickers}
        data-testid={testIds.form}
      >
        <Form.Item
          name="name"
          label={nameLabel}
          rules={[{ required: true, whitespace: true, message: t('fieldErrors.required') }]}
          style={children ? undefined : { marginBottom: 0 }}
          extra={replaced && <Typography.Text type="warning" data-testid="save-named-replaces">{replaced}</Typography.Text>}
        >
          <Input maxLength={nameMaxLength} placeholder={namePlaceholder} data-testid={testIds.name} />
        </Form.Item>
        {children}
      </Form>
    </Modal>
  );
}
