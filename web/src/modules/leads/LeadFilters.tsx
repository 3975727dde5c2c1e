// L6: the search box and the filters above the leads list.
import { useEffect, useEffectEvent, useState, type CSSProperties } from 'react';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { dateFormat } from '../common/format';
import { useDirectory } from '../common/useDirectory';
import { filterKeys, type Filters } from './listQuery';
import type { LeadFields } from './useLeadFields';

const searchDelayMs = 350;

/** A text box that reports what was typed once typing pauses, and follows the URL on back/forward. */
function DebouncedSearch({
  value,
  onChange,
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  'data-testid': string;
  style?: CSSProperties;
}) {
  const [text, setText] = useState(value);
  const report = useEffectEvent((typed: string) => onChange(typed));
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => report(text.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => onChange(text.trim())}
      {...rest}
    />
  );
}

interface Props {
  filters: Filters;
  fields: LeadFields;
  onChange: (changes: Filters) => void;
}

export function LeadFilters({ filters, fields, onChange }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { users } = useDirectory();
  const options = (name: string) =>
    (fields.get(name)?.options ?? []).map((option) => ({ value: option.value, label: option.label[language] }));
  const split = (value: string | undefined) => (value ? value.split(',') : []);
  const hasFilters = filterKeys.some((key) => filters[key]);

  return (
    <Flex wrap gap={8}>
      <DebouncedSearch
        value={filters.q ?? ''}
        onChange={(q) => onChange({ q })}
        placeholder={t('leads.searchPlaceholder')}
        style={{ width: 340 }}
        data-testid="lead-search"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={fields.label('status')}
        options={options('status')}
        value={split(filters.status)}
        onChange={(values: string[]) => onChange({ status: values.join(',') })}
        style={{ minWidth: 180 }}
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder={fields.label('stage')}
        options={options('stage')}
        value={filters.stage}
        onChange={(stage?: string) => onChange({ stage })}
        style={{ minWidth: 140 }}
        data-testid="filter-stage"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={fields.label('owner_id')}
        options={[
          { value: 'none', label: t('leads.unassigned') },
          ...users.map((user) => ({ value: String(user.id), label: user.full_name || user.username })),
        ]}
        value={filters.owner_id}
        onChange={(owner_id?: string) => onChange({ owner_id })}
        style={{ minWidth: 180 }}
        data-testid="filter-owner"
      />
      {fields.get('source')?.type === 'enum' ? (
        <Select
          allowClear
          placeholder={fields.label('source')}
          options={options('source')}
          value={filters.source}
          onChange={(source?: string) => onChange({ source })}
          style={{ minWidth: 160 }}
          data-testid="filter-source"
        />
      ) : (
        <DebouncedSearch
          value={filters.source ?? ''}
          onChange={(source) => onChange({ source })}
          placeholder={fields.label('source')}
          style={{ width: 180 }}
          data-testid="filter-source"
        />
      )}
      <DatePicker.RangePicker
        format={dateFormat}
        placeholder={[t('leads.createdFrom'), t('leads.createdTo')]}
        value={[
          filters.created_from ? dayjs(filters.created_from) : null,
          filters.created_to ? dayjs(filters.created_to) : null,
        ]}
        onChange={(range) =>
          onChange({
            created_from: range?.[0]?.format('YYYY-MM-DD'),
            created_to: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
        allowEmpty={[true, true]}
        data-testid="filter-created"
      />
      {hasFilters && (
        <Button
          icon={<ClearOutlined />}
          onClick={() => onChange(Object.fromEntries(filterKeys.map((key) => [key, undefined])))}
        >
          {t('leads.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}
