// The lead field registry from GET /api/meta/leads, with labels in the current language
// and a formatter that shows any field's value the way a person reads it.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchLeadMeta } from '../../api/leads';
import type { FieldMeta } from '../../api/types';
import { useLanguage } from '../../i18n';
import { useDirectory } from '../common/useDirectory';
import { formatDate, formatDateTime } from '../common/format';

export interface LeadFields {
  all: FieldMeta[];
  get: (name: string) => FieldMeta | undefined;
  label: (name: string) => string;
  optionLabel: (name: string, value: string) => string;
  /** Text for a value of the field (as stored on the lead or as a string in the history); '' when empty. */
  display: (name: string, value: unknown) => string;
}

/** Fields a person can type into; json blobs (custom, stage_info) have their own screens. */
export const isEditable = (field: FieldMeta) => !field.read_only && field.type !== 'json';

export function useLeadFields() {
  const { t } = useTranslation();
  const language = useLanguage();
  const directory = useDirectory();
  const query = useQuery({ queryKey: ['meta', 'leads'], queryFn: fetchLeadMeta, staleTime: Infinity });

  const fields = useMemo<LeadFields | undefined>(() => {
    if (!query.data) return undefined;
    const byName = new Map(query.data.fields.map((field) => [field.name, field]));
    const label = (name: string) => byName.get(name)?.label[language] ?? name;
    const optionLabel = (name: string, value: string) =>
      byName.get(name)?.options?.find((option) => option.value === value)?.label[language] ?? value;

    const display = (name: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return '';
      if (Array.isArray(value)) return value.map(String).join(', ');
      const text = String(value);
      switch (byName.get(name)?.type) {
        case 'enum':
          return optionLabel(name, text);
        case 'user':
          return directory.userName(Number(text));
        case 'team':
          return directory.teamName(Number(text));
        case 'boolean':
          return text === 'true' ? t('common.yes') : text === 'false' ? t('common.no') : text;
        case 'date':
          return formatDate(text);
        case 'datetime':
          return formatDateTime(text);
        case 'json':
          return typeof value === 'object' ? JSON.stringify(value) : text;
        default:
          return text;
      }
    };

    return { all: query.data.fields, get: (name) => byName.get(name), label, optionLabel, display };
  }, [query.data, language, directory, t]);

  return { fields, error: query.error, refetch: query.refetch };
}
