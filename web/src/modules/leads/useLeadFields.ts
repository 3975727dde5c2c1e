// The lead field registry from GET /api/meta/leads, custom fields (A1) included.
import { fetchLeadMeta } from '../../api/leads';
import type { FieldMeta } from '../../api/types';
import { useFieldRegistry, type FieldRegistry } from '../common/useFieldRegistry';

export type LeadFields = FieldRegistry;

/** Fields a person can type into; json blobs (custom, stage_info) have their own screens. */
export const isEditable = (field: FieldMeta) => !field.read_only && field.type !== 'json';

/** Fields that can be a column of the list: everything but json blobs. */
export const isColumn = (field: FieldMeta) => field.type !== 'json';

export const useLeadFields = () => useFieldRegistry('leads', fetchLeadMeta);
