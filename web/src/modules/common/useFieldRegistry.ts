// A record type's field registry (GET /api/meta/<type>) with labels in the current language
// and a formatter that shows any field's value the way a person reads it.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FieldMeta, FieldOption, FieldRegistryMeta } from '../../api/types';
import { useLanguage } from '../../i18n';
import { useDirectory } from './useDirectory';
import { formatDate, formatDateTime } from './format';

export interface FieldRegistry {
  all: FieldMeta[];
  get: (name: string) => FieldMeta | undefined;
  label: (name: string) => string;
  optionLabel: (name: string, value: string) => string;
  /** The field's options as antd Select options in the current language. */
  options: (name: string) => { value: string; label: string }[];
  /** Text for a value of the field (as stored on the record or as a string in the history); '' when empty. */
  display: (name: string, value: unknown) => string;
}

const optionsOf = (field: FieldMeta | undefined): FieldOption[] => field?.options ?? [];

export function useFieldRegistry(entity: string, fetchMeta: () => Promise<FieldRegistryMeta>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const directory = useDirectory();
  const query = useQuery({ queryKey: ['meta', entity], queryFn: fetchMeta, staleTime: Infinity });

  const fields = useMemo<FieldRegistry | undefined>(() => {
    if (!query.data) return undefined;
    const byName = new Map(query.data.fields.map((field) => [field.name, field]));
    const label = (name: string) => byName.get(name)?.label[language] ?? name;
    const optionLabel = (name: string, value: string) =>
      optionsOf(byName.get(name)).find((option) => option.value === value)?.label[language] ?? value;
    const options = (name: string) =>
      optionsOf(byName.get(name)).map((option) => ({ value: option.value, label: option.label[language] }));

    const display = (name: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return '';
      const type = byName.get(name)?.type;
      if (Array.isArray(value)) {
        return value.map((item) => (type === 'multi_enum' ? optionLabel(name, String(item)) : String(item))).join(', ');
      }
      const text = String(value);
      switch (type) {
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

    return { all: query.data.fields, get: (name) => byName.get(name), label, optionLabel, options, display };
  }, [query.data, language, directory, t]);

  return { fields, error: query.error, refetch: query.refetch };
}
