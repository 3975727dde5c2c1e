// Leads and targets side by side: where a record's page is and under which keys its server
// state is cached, so that the screens they share (form, detail, timeline, calls, notes) serve both.
import type { ParentType } from '../../api/types';

/** The page of a lead or a target. */
export const recordPath = (type: ParentType, id: number) => `/${type}s/${id}`;

/** The cached record; its timeline is cached under it, so invalidating this refreshes both. */
export const recordKey = (type: ParentType, id: number) => [type, id];

/** The prefix of every cached list page of the record type (['leads', …], ['targets', …]). */
export const recordListKey = (type: ParentType) => [`${type}s`];
