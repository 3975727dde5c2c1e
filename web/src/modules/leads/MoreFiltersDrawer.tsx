// L6, A1: the filters that do not fit the bar (team, medium, campaign, tag, province, last
// activity, P3's days without activity, do-not-contact, for managers a rule's queue, a target
// list (K2) for those who keep them) and one per custom field, applied together with "Áp dụng".
import { Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listRules } from '../../api/assignment';
import type { FieldMeta } from '../../api/types';
import { useCurrentUser } from '../auth/AuthProvider';
import { manages } from '../auth/roles';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { dateFormat } from '../common/format';
import { useDirectory } from '../common/useDirectory';
import { usesTargetLists } from '../targetlists/access';
import { foldName } from '../targetlists/foldName';
import { useTargetLists } from '../targetlists/targetListQueries';
import type { Filters } from './listQuery';
import type { LeadFields } from './useLeadFields';
import { tagSeparators } from './formValues';

type Kind = 'text' | 'number' | 'days' | 'date' | 'select' | 'tags' | 'campaign';

interface MoreFilter {
  key: string;
  label: string;
  kind: Kind;
  options?: { value: string; label: string }[];
  /** A select long enough to type in (names found ignoring marks). */
  search?: boolean;
}

const lastActivity = ['last_activity_from', 'last_activity_to'] as const;

function customKind(field: FieldMeta): Kind {
  switch (field.type) {
    case 'enum':
    case 'multi_enum':
    case 'boolean':
      return 'select';
    case 'number':
    case 'integer':
      return 'number';
    case 'date':
      return 'date';
    default:
      return 'text';
  }
}

/** Every parameter the drawer sets; the bar's badge counts those in use. */
export const moreFilterKeys = (fields: LeadFields) => [
  'team_id',
  'medium',
  'campaign_id',
  'tag',
  'province',
  'do_not_contact',
  'queued_rule_id',
  'target_list_id',
  'stalled_days',
  ...lastActivity,
  ...fields.all.filter((field) => field.custom).map((field) => field.name),
];

function toFormValue(kind: Kind, value: string | undefined): unknown {
  if (!value) return undefined;
  switch (kind) {
    case 'number':
    case 'days':
    case 'campaign':
      return Number(value);
    case 'date':
      return dayjs(value);
    case 'tags':
      return value.split(',');
    default:
      return value;
  }
}

function toFilterValue(kind: Kind, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (kind) {
    case 'date':
      return (value as Dayjs).format('YYYY-MM-DD');
    case 'tags':
      return (value as string[]).length > 0 ? (value as string[]).join(',') : undefined;
    case 'text':
      return String(value).trim() || undefined;
    default:
      return String(value);
  }
}

interface Props {
  open: boolean;
  filters: Filters;
  fields: LeadFields;
  onApply: (changes: Filters) => void;
  onClose: () => void;
}

/** The form inside the drawer; mounted afresh on every opening, from the filters then in force. */
function MoreFiltersForm({ filters, fields, onApply }: Omit<Props, 'open' | 'onClose'>) {
  const { t } = useTranslation();
  const { teams } = useDirectory();
  const user = useCurrentUser();
  // R5: which leads wait in a rule's queue (rules are the managers' and admins').
  const managesRules = manages(user.role);
  const rules = useQuery({ queryKey: ['assignment-rules'], queryFn: listRules, enabled: managesRules });
  // K2: the members of a target list (agents keep none).
  const keepsLists = usesTargetLists(user.role);
  const lists = useTargetLists(keepsLists);
  const [form] = Form.useForm<Record<string, unknown>>();
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const more: MoreFilter[] = [
    {
      key: 'team_id',
      label: fields.label('team_id'),
      kind: 'select',
      options: teams.map((team) => ({ value: String(team.id), label: team.name })),
    },
    { key: 'medium', label: fields.label('medium'), kind: 'text' },
    { key: 'campaign_id', label: fields.label('campaign_id'), kind: 'campaign' },
    { key: 'tag', label: fields.label('tags'), kind: 'tags' },
    { key: 'province', label: fields.label('province'), kind: 'text' },
    { key: 'do_not_contact', label: fields.label('do_not_contact'), kind: 'select', options: yesNo },
    { key: 'stalled_days', label: t('leads.stalledDays'), kind: 'days' },
    ...(managesRules
      ? [
          {
            key: 'queued_rule_id',
            label: t('leads.queuedRule'),
            kind: 'select' as const,
            options: (rules.data?.items ?? []).map((rule) => ({ value: String(rule.id), label: rule.name })),
          },
        ]
      : []),
    ...(keepsLists
      ? [
          {
            key: 'target_list_id',
            label: t('targetLists.filterLabel'),
            kind: 'select' as const,
            search: true,
            options: (lists.data?.items ?? []).map((list) => ({ value: String(list.id), label: list.name })),
          },
        ]
      : []),
    ...fields.all
      .filter((field) => field.custom)
      .map((field) => ({
        key: field.name,
        label: fields.label(field.name),
        kind: customKind(field),
        options: field.type === 'boolean' ? yesNo : fields.options(field.name),
      })),
  ];

  const initialValues: Record<string, unknown> = {
    last_activity: lastActivity.map((key) => toFormValue('date', filters[key]) ?? null),
  };
  for (const filter of more) initialValues[filter.key] = toFormValue(filter.kind, filters[filter.key]);

  const apply = (values: Record<string, unknown>) => {
    const changes: Filters = {};
    for (const filter of more) changes[filter.key] = toFilterValue(filter.kind, values[filter.key]);
    const range = (values.last_activity as (Dayjs | null)[] | null) ?? [];
    lastActivity.forEach((key, index) => (changes[key] = toFilterValue('date', range[index])));
    onApply(changes);
  };

  const clear = () =>
    form.setFieldsValue({ ...Object.fromEntries(more.map((filter) => [filter.key, undefined])), last_activity: null });

  const input = (filter: MoreFilter) => {
    const testId = `filter-${filter.key}`;
    switch (filter.kind) {
      case 'select':
        return (
          <Select
            allowClear
            showSearch={
              filter.search && {
                filterOption: (input, option) => foldName(String(option?.label ?? '')).includes(foldName(input)),
              }
            }
            options={filter.options}
            data-testid={testId}
          />
        );
      case 'number':
        return <InputNumber style={{ width: '100%' }} data-testid={testId} />;
      case 'days':
        return <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} data-testid={testId} />;
      case 'campaign':
        return <CampaignSelect data-testid={testId} />;
      case 'date':
        return <DatePicker format={dateFormat} style={{ width: '100%' }} data-testid={testId} />;
      case 'tags':
        return <Select mode="tags" tokenSeparators={tagSeparators} open={false} suffixIcon={null} data-testid={testId} />;
      default:
        return <Input allowClear data-testid={testId} />;
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={apply} data-testid="more-filters">
      {more.map((filter) => (
        <Form.Item key={filter.key} name={filter.key} label={filter.label}>
          {input(filter)}
        </Form.Item>
      ))}
      <Form.Item name="last_activity" label={fields.label('last_activity_at')}>
        <DatePicker.RangePicker
          format={dateFormat}
          allowEmpty={[true, true]}
          style={{ width: '100%' }}
          data-testid="filter-last_activity"
        />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={clear} data-testid="more-filters-reset">
          {t('leads.clearFilters')}
        </Button>
        <Button type="primary" htmlType="submit" data-testid="more-filters-apply">
          {t('common.apply')}
        </Button>
      </Flex>
    </Form>
  );
}

export function MoreFiltersDrawer({ open, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer open={open} onClose={onClose} title={t('leads.moreFilters')} destroyOnHidden>
      <MoreFiltersForm {...rest} />
    </Drawer>
  );
}
