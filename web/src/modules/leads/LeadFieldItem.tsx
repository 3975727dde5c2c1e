// One form field of a lead, its input chosen by the field's type in the registry (the campaign,
// an id to the registry, picked by its name).
import type { ReactNode } from 'react';
import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { FieldMeta, Language } from '../../api/types';
import { useLanguage } from '../../i18n';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { dateFormat, dateTimeFormat } from '../common/format';
import { useDirectory, type Directory } from '../common/useDirectory';
import { tagSeparators } from './formValues';

/** The bare input, a direct child of Form.Item so that the form can drive its value. */
function fieldInput(field: FieldMeta, language: Language, { assignableOptions, teams, userName }: Directory): ReactNode {
  const testId = `field-${field.name}`;
  // The registry says 0 for "no limit".
  const maxLength = field.max_length || undefined;

  if (field.name === 'campaign_id') return <CampaignSelect data-testid={testId} />;
  switch (field.type) {
    case 'long_text':
      return <Input.TextArea rows={3} maxLength={maxLength} data-testid={testId} />;
    case 'date':
      return <DatePicker format={dateFormat} style={{ width: '100%' }} data-testid={testId} />;
    case 'datetime':
      return <DatePicker showTime format={dateTimeFormat} style={{ width: '100%' }} data-testid={testId} />;
    case 'enum':
    case 'multi_enum':
      return (
        <Select
          mode={field.type === 'multi_enum' ? 'multiple' : undefined}
          allowClear={!field.required}
          options={(field.options ?? []).map((option) => ({ value: option.value, label: option.label[language] }))}
          data-testid={testId}
        />
      );
    case 'user':
      return (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={assignableOptions}
          // A user one may not pick (gone, or outside a manager's team) keeps their name.
          labelRender={({ value, label }) => label ?? userName(Number(value))}
          data-testid={testId}
        />
      );
    case 'team':
      return (
        <Select allowClear options={teams.map((team) => ({ value: team.id, label: team.name }))} data-testid={testId} />
      );
    case 'integer':
      return <InputNumber precision={0} style={{ width: '100%' }} data-testid={testId} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} data-testid={testId} />;
    case 'tags':
      return <Select mode="tags" tokenSeparators={tagSeparators} open={false} suffixIcon={null} data-testid={testId} />;
    case 'boolean':
      return <Switch data-testid={testId} />;
    case 'email':
      return <Input type="email" maxLength={maxLength} autoComplete="off" data-testid={testId} />;
    case 'phone':
      return <Input type="tel" maxLength={maxLength} autoComplete="off" data-testid={testId} />;
    default:
      return <Input maxLength={maxLength} autoComplete="off" data-testid={testId} />;
  }
}

interface Props {
  field: FieldMeta;
  label: string;
  /** Required even when the registry says otherwise (e.g. the reason for do-not-contact). */
  required?: boolean;
}

export function LeadFieldItem({ field, label, required = field.required }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const directory = useDirectory();
  const rules: Rule[] = [];
  if (required) {
    rules.push(
      field.type === 'multi_enum'
        ? { required: true, type: 'array', min: 1, message: t('fieldErrors.required') }
        : { required: true, whitespace: true, message: t('fieldErrors.required') },
    );
  }
  if (field.type === 'email') rules.push({ type: 'email', message: t('fieldErrors.invalid_email') });
  return (
    <Form.Item
      name={field.name}
      label={label}
      required={required}
      rules={rules}
      valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
    >
      {fieldInput(field, language, directory)}
    </Form.Item>
  );
}
