// Choosing the lead a call is about, by searching leads (name, phone, email, company).
import { useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listLeads } from '../../api/leads';
import { useSettled } from '../common/useSettled';

const searchDelayMs = 300;

interface Props {
  value?: number;
  onChange?: (id: number | undefined) => void;
  'data-testid'?: string;
}

/** A form control: its value is the chosen lead's id. */
export function LeadPicker({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useSettled(typed.trim(), searchDelayMs);
  // The chosen lead keeps its name even when a later search no longer lists it.
  const [picked, setPicked] = useState<{ value: number; label: string } | null>(null);
  const leads = useQuery({
    queryKey: ['leads', { q, page_size: 20 }],
    queryFn: () => listLeads({ q, page_size: 20 }),
    placeholderData: keepPreviousData,
  });
  const found = (leads.data?.items ?? []).map((lead) => ({
    value: lead.id,
    label: [lead.full_name, lead.mobile].filter(Boolean).join(' · '),
  }));
  const options = picked && !found.some((option) => option.value === picked.value) ? [picked, ...found] : found;
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      onChange={(id, option) => {
        setPicked(id === undefined || Array.isArray(option) || !option ? null : { value: id, label: String(option.label) });
        onChange?.(id);
      }}
      loading={leads.isFetching}
      placeholder={t('calls.pickLead')}
      notFoundContent={t('calls.noLeadFound')}
      options={options}
      {...rest}
    />
  );
}
