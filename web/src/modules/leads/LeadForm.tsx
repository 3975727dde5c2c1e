// The full lead form (L1, L4): every writable field of the registry, grouped as in the manuals.
import { Button, Card, Col, Flex, Form, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../../api/types';
import { keepEnterInPickers } from '../common/pickerEnter';
import type { FormValues } from './formValues';
import { LeadFieldItem } from './LeadFieldItem';
import { isEditable, type LeadFields } from './useLeadFields';

const groups: { key: string; fields: string[] }[] = [
  { key: 'contact', fields: ['full_name', 'mobile', 'phone', 'email', 'company', 'title'] },
  { key: 'collection', fields: ['source', 'medium', 'campaign_id', 'product_interest'] },
  { key: 'care', fields: ['owner_id', 'status', 'stage'] },
  {
    key: 'other',
    fields: ['address', 'province', 'birthday', 'gender', 'tags', 'description', 'do_not_contact', 'dnc_reason'],
  },
];

/** Status and stage start as New / LEAD (L1, L10) and are only changed on an existing lead. */
const editOnly = new Set(['status', 'stage']);

/** The fields the form shows for a new or an existing lead, in the order of the groups. */
export function formFields(fields: LeadFields, isNew: boolean): FieldMeta[] {
  return fields.all.filter((field) => isEditable(field) && !(isNew && editOnly.has(field.name)));
}

function groupFields(shown: FieldMeta[]) {
  const byName = new Map(shown.map((field) => [field.name, field]));
  const grouped = new Set(groups.flatMap((group) => group.fields));
  return [
    ...groups.map((group) => ({
      key: group.key,
      fields: [
        ...group.fields.flatMap((name) => byName.get(name) ?? []),
        // Fields of the lead this screen does not know yet go with "other".
        ...(group.key === 'other' ? shown.filter((field) => !field.custom && !grouped.has(field.name)) : []),
      ],
    })),
    { key: 'custom', fields: shown.filter((field) => field.custom) },
  ].filter((group) => group.fields.length > 0);
}

function GroupedField({ field, fields }: { field: FieldMeta; fields: LeadFields }) {
  if (field.name !== 'dnc_reason') return <LeadFieldItem field={field} label={fields.label(field.name)} />;
  // L12: a do-not-contact mark needs its reason; the reason is asked for only then.
  return (
    <Form.Item noStyle dependencies={['do_not_contact']}>
      {({ getFieldValue }) =>
        getFieldValue('do_not_contact') ? (
          <LeadFieldItem field={field} label={fields.label(field.name)} required />
        ) : null
      }
    </Form.Item>
  );
}

interface Props {
  form: FormInstance<FormValues>;
  fields: LeadFields;
  shown: FieldMeta[];
  initialValues?: FormValues;
  saving: boolean;
  onSubmit: (values: FormValues) => void;
  onValuesChange: (changed: FormValues) => void;
  onCancel: () => void;
}

export function LeadForm({ form, fields, shown, initialValues, saving, onSubmit, onValuesChange, onCancel }: Props) {
  const { t } = useTranslation();
  const wide = new Set(['long_text', 'tags']);
  return (
    <Form
      form={form}
      name="lead"
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      onValuesChange={onValuesChange}
      onKeyDown={keepEnterInPickers}
      scrollToFirstError
      data-testid="lead-form"
    >
      <Flex vertical gap={16}>
        {groupFields(shown).map((group) => (
          <Card key={group.key} title={t(`leadForm.groups.${group.key}`)} size="small">
            <Row gutter={16}>
              {group.fields.map((field) => (
                <Col key={field.name} xs={24} md={wide.has(field.type) ? 24 : 12}>
                  <GroupedField field={field} fields={fields} />
                </Col>
              ))}
            </Row>
          </Card>
        ))}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onCancel} data-testid="lead-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="lead-form-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
