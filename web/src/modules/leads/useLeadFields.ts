// The lead field registry from GET /api/meta/leads, custom fields (A1) included; the target
// registry (GET /api/meta/targets) is its twin without the stage.
import { fetchLeadMeta } from '../../api/leads';
import { fetchTargetMeta } from '../../api/targets';
import type { FieldMeta, ParentType } from '../../api/types';
import { useFieldRegistry, type FieldRegistry } from '../common/useFieldRegistry';

export type LeadFields = FieldRegistry;

/** Fields a person can type into; json blobs (custom, stage_info) have their own screens. */
export const isEditable = (field: FieldMeta) => !field.read_only && field.type !== 'json';

/** Fields that can be a column of the list: everything but json blobs. */
export const isColumn = (field: FieldMeta) => field.type !== 'json';

/** The registry of leads or of targets. */
export const useRecordFields = (type: ParentType) =>
  useFieldRegistry(`${type}s`, type === 'target' ? fetchTargetMeta : fetchLeadMeta);

export const useLeadFields = () => useRecordFields('lead');

export const useTargetFields = () => useRecordFields('target');
