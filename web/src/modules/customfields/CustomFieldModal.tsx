// A1: define a custom field of leads (name, type, labels in vi and en, options, required), or
// change one (labels, options, required, active; name and type stay).
import { App as AntApp, Button, Col, Flex, Form, Input, Modal, Row, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createCustomField, updateCustomField } from '../../api/customFields';
import type { CustomField, CustomFieldType, FieldOption } from '../../api/types';
import { clearServerErrors, showSaveError } from '../common/apiErrors';

export const customFieldTypes: CustomFieldType[] = ['text', 'number', 'date', 'select', 'multi_select', 'boolean'];

const hasOptions = (type: CustomFieldType | undefined) => type === 'select' || type === 'multi_select';

interface Values {
  name: string;
  type: CustomFieldType;
  label_vi: string;
  label_en: string;
  options?: { value: string; vi: string; en: string }[];
  required: boolean;
  active: boolean;
}

/** The API names `label.vi` and `options[2].value`; the form has `label_vi` and one options list. */
const formField = (field: string) => field.replace(/^label\.(vi|en)$/, 'label_$1').replace(/^options\b.*$/, 'options');

function toValues(field: CustomField): Values {
  return {
    name: field.name,
    type: field.type,
    label_vi: field.label.vi,
    label_en: field.label.en,
    options: field.options.map((option) => ({ value: option.value, vi: option.label.vi, en: option.label.en })),
    required: field.required,
    active: field.active,
  };
}

function toOptions(values: Values): FieldOption[] | undefined {
  if (!hasOptions(values.type)) return undefined;
  return (values.options ?? []).map((option) => ({
    value: option.value.trim(),
    label: { vi: option.vi.trim(), en: option.en.trim() },
  }));
}

interface FormProps {
  field?: CustomField;
  /** A new field's name and label to start from (a column of an import). */
  suggested?: { name: string; label: string };
  onDone: (saved?: CustomField) => void;
}

function CustomFieldForm({ field, suggested, onDone }: FormProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const required = [{ required: true, whitespace: true, message: t('fieldErrors.required') }];

  const save = useMutation({
    mutationFn: (values: Values) => {
      const label = { vi: values.label_vi.trim(), en: values.label_en.trim() };
      return field
        ? updateCustomField(field.id, {
            label,
            options: toOptions(values),
            required: values.required,
            active: values.active,
          })
        : createCustomField({
            entity: 'leads',
            name: values.name.trim(),
            type: values.type,
            label,
            options: toOptions(values),
            required: values.required,
          });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['custom-fields'] });
      void queryClient.invalidateQueries({ queryKey: ['meta', 'leads'] });
      void message.success(t(field ? 'customFields.saved' : 'customFields.created', { name: saved.name }));
      onDone(saved);
    },
    onError: (error) => showSaveError(error, { form, message, t, formField }),
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={
        field
          ? toValues(field)
          : {
              type: 'text',
              required: false,
              active: true,
              options: [],
              name: suggested?.name,
              label_vi: suggested?.label,
              label_en: suggested?.label,
            }
      }
      onFinish={(values) => save.mutate(values)}
      onValuesChange={(changed) => clearServerErrors(form, changed)}
      data-testid="custom-field-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t('customFields.name')}
            extra={!field && t('customFields.nameHint')}
            rules={[
              ...required,
              { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('customFields.nameInvalid') },
            ]}
          >
            <Input disabled={Boolean(field)} maxLength={40} data-testid="custom-field-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={t('customFields.type')} rules={[{ required: true }]}>
            <Select
              disabled={Boolean(field)}
              options={customFieldTypes.map((value) => ({ value, label: t(`customFields.types.${value}`) }))}
              data-testid="custom-field-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="label_vi" label={t('customFields.labelVi')} rules={required}>
            <Input maxLength={100} data-testid="custom-field-label-vi" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="label_en" label={t('customFields.labelEn')} rules={required}>
            <Input maxLength={100} data-testid="custom-field-label-en" />
          </Form.Item>
        </Col>
      </Row>
      {hasOptions(type) && (
        <Form.List
          name="options"
          rules={[
            {
              validator: (_, options?: unknown[]) =>
                options && options.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('customFields.optionsRequired'))),
            },
          ]}
        >
          {(items, { add, remove }, { errors }) => (
            <Flex vertical gap={4} style={{ marginBottom: 16 }}>
              <Typography.Text strong>{t('customFields.options')}</Typography.Text>
              {items.map((item, index) => {
                // Options already saved come first and stay (leads may hold them); only labels change.
                const kept = index < (field?.options.length ?? 0);
                return (
                  <Flex key={item.key} gap={8} align="start" data-testid="custom-field-option">
                    <Form.Item name={[item.name, 'value']} rules={required} style={{ flex: 1, marginBottom: 8 }}>
                      <Input
                        placeholder={t('customFields.optionValue')}
                        disabled={kept}
                        data-testid={`custom-field-option-value-${index}`}
                      />
                    </Form.Item>
                    <Form.Item name={[item.name, 'vi']} rules={required} style={{ flex: 1, marginBottom: 8 }}>
                      <Input placeholder={t('customFields.labelVi')} data-testid={`custom-field-option-vi-${index}`} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'en']} rules={required} style={{ flex: 1, marginBottom: 8 }}>
                      <Input placeholder={t('customFields.labelEn')} data-testid={`custom-field-option-en-${index}`} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      disabled={kept}
                      onClick={() => remove(item.name)}
                      aria-label={t('common.delete')}
                    />
                  </Flex>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ value: '', vi: '', en: '' })}
                data-testid="custom-field-option-add"
              >
                {t('customFields.addOption')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
      )}
      <Flex gap={24}>
        <Form.Item name="required" label={t('customFields.required')} valuePropName="checked">
          <Switch data-testid="custom-field-required" />
        </Form.Item>
        {field && (
          <Form.Item name="active" label={t('customFields.active')} valuePropName="checked">
            <Switch data-testid="custom-field-active" />
          </Form.Item>
        )}
      </Flex>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={() => onDone()}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="custom-field-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

interface Props {
  open: boolean;
  /** The field to change; a new field when absent. */
  field?: CustomField;
  suggested?: FormProps['suggested'];
  /** With the field when it was saved. */
  onClose: (saved?: CustomField) => void;
}

export function CustomFieldModal({ open, field, suggested, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={field ? t('customFields.editTitle', { name: field.name }) : t('customFields.createTitle')}
      onCancel={() => onClose()}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <CustomFieldForm field={field} suggested={suggested} onDone={onClose} />
    </Modal>
  );
}
