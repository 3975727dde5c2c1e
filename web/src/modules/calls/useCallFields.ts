// The call field registry from GET /api/meta/calls: labels and the options of direction,
// status, result and the reminders, in vi and en. The other fields' labels are the app's own.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCallMeta } from '../../api/calls';
import { useFieldRegistry, type FieldRegistry } from '../common/useFieldRegistry';

export type CallFields = FieldRegistry;

export function useCallFields() {
  const { t } = useTranslation();
  const registry = useFieldRegistry('calls', fetchCallMeta);
  const base = registry.fields;
  const fields = useMemo<CallFields | undefined>(
    () =>
      base && {
        ...base,
        label: (name) => (base.get(name) ? base.label(name) : t(`calls.fields.${name}`, { defaultValue: name })),
      },
    [base, t],
  );
  return { ...registry, fields };
}
