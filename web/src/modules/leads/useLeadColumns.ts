// L7: which columns the leads list shows, in which order — the user's saved choice, or the default.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchLeadColumns } from '../../api/leads';
import { isColumn, type LeadFields } from './useLeadFields';

export const defaultColumns = [
  'full_name',
  'mobile',
  'email',
  'company',
  'status',
  'stage',
  'owner_id',
  'source',
  'created_at',
];

/** The name links to the lead, so it is always shown. */
export const fixedColumn = 'full_name';

export const leadColumnsKey = ['preferences', 'lead_columns'];

export function useLeadColumns(fields: LeadFields | undefined) {
  const preference = useQuery({ queryKey: leadColumnsKey, queryFn: fetchLeadColumns, staleTime: Infinity });
  const columns = useMemo(() => {
    if (!fields) return [];
    // Fields removed since the choice was saved (e.g. a deactivated custom field) are skipped.
    const chosen = (preference.data?.value ?? defaultColumns).filter((name) => {
      const field = fields.get(name);
      return field !== undefined && isColumn(field);
    });
    return chosen.includes(fixedColumn) ? chosen : [fixedColumn, ...chosen];
  }, [fields, preference.data]);
  // Without a saved choice (or when it cannot be read) the list still shows, with the default.
  return { columns, loading: preference.isPending };
}
