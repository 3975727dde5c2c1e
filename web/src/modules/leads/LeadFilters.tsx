// L6: the search box and the main filters above the leads list; the others in a drawer. The
// targets list has the same bar, without stage (its registry has none) and without the drawer.
import { useState } from 'react';
import { Badge, Button, DatePicker, Flex, Select } from 'antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DebouncedSearch } from '../common/DebouncedSearch';
import { dateFormat } from '../common/format';
import { useDirectory } from '../common/useDirectory';
import { moreFilterKeys, MoreFiltersDrawer } from './MoreFiltersDrawer';
import type { Filters } from './listQuery';
import type { LeadFields } from './useLeadFields';

interface Props {
  filters: Filters;
  fields: LeadFields;
  onChange: (changes: Filters) => void;
  /** Whether "More filters" (the leads' drawer) is offered. */
  more?: boolean;
}

export function LeadFilters({ filters, fields, onChange, more = true }: Props) {
  const { t } = useTranslation();
  const { users } = useDirectory();
  const [moreOpen, setMoreOpen] = useState(false);
  const split = (value: string | undefined) => (value ? value.split(',') : []);
  const set = Object.keys(filters).filter((key) => filters[key]);
  const moreCount = set.filter((key) => moreFilterKeys(fields).includes(key)).length;

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
        options={fields.options('status')}
        value={split(filters.status)}
        onChange={(values: string[]) => onChange({ status: values.join(',') })}
        style={{ minWidth: 180 }}
        data-testid="filter-status"
      />
      {fields.get('stage') && (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={fields.label('stage')}
          options={fields.options('stage')}
          value={split(filters.stage)}
          onChange={(values: string[]) => onChange({ stage: values.join(',') })}
          style={{ minWidth: 140 }}
          data-testid="filter-stage"
        />
      )}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={fields.label('owner_id')}
        options={[
          { value: 'me', label: t('leads.mine') },
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
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={fields.label('source')}
          options={fields.options('source')}
          value={split(filters.source)}
          onChange={(values: string[]) => onChange({ source: values.join(',') })}
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
      {more && (
        <Badge count={moreCount} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setMoreOpen(true)} data-testid="filter-more">
            {t('leads.moreFilters')}
          </Button>
        </Badge>
      )}
      {set.length > 0 && (
        <Button
          icon={<ClearOutlined />}
          onClick={() => onChange(Object.fromEntries(set.map((key) => [key, undefined])))}
          data-testid="filter-clear"
        >
          {t('leads.clearFilters')}
        </Button>
      )}
      {more && (
        <MoreFiltersDrawer
          open={moreOpen}
          filters={filters}
          fields={fields}
          onApply={(changes) => {
            onChange(changes);
            setMoreOpen(false);
          }}
          onClose={() => setMoreOpen(false)}
        />
      )}
    </Flex>
  );
}
