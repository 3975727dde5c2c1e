// The call field registry from GET /api/meta/calls: labels and the options of direction,
// status, result and the reminders, in vi and en.
import { fetchCallMeta } from '../../api/calls';
import { useFieldRegistry, type FieldRegistry } from '../common/useFieldRegistry';

export type CallFields = FieldRegistry;

export const useCallFields = () => useFieldRegistry('calls', fetchCallMeta);
