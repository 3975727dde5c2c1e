// Target endpoints (T1–T5): metadata, list, CRUD, mass update, conversion into leads, the
// timeline and export. The shapes are the leads' (see leads.ts), but for the status.
import { queryString, request, type QueryParams } from './client';
import type {
  FieldRegistryMeta,
  Language,
  LeadFilter,
  LeadInput,
  MassUpdateRequest,
  MassUpdateResult,
  Page,
  Target,
  TimelineItem,
} from './types';

export const fetchTargetMeta = () => request<FieldRegistryMeta>('GET', '/api/meta/targets');

export const listTargets = (params: QueryParams) =>
  request<Page<Target>>('GET', `/api/targets${queryString(params)}`);

export const fetchTarget = (id: number) => request<Target>('GET', `/api/targets/${id}`);

export const createTarget = (input: LeadInput) => request<Target>('POST', '/api/targets', input);

export const updateTarget = (id: number, changes: LeadInput) =>
  request<Target>('PATCH', `/api/targets/${id}`, changes);

export const deleteTarget = (id: number) => request<void>('DELETE', `/api/targets/${id}`);

/** L14: back from the trash (managers and admins, within 30 days). */
export const restoreTarget = (id: number) => request<Target>('POST', `/api/targets/${id}/restore`);

/** Sets owner, status, source or campaign, or deletes (`action: "delete"`); no stage, tags or queues. */
export const massUpdateTargets = (body: MassUpdateRequest) =>
  request<MassUpdateResult>('POST', '/api/targets/mass-update', body);

export interface ConvertRequest {
  ids?: number[];
  filter?: LeadFilter;
  /** The owner the new leads get ("Assign to"); without it they keep the target's. */
  owner_id?: number;
}

export interface ConvertResult {
  converted: number;
  /** Verified targets that would be no valid lead yet (a custom field leads require...): skipped. */
  problems?: { target_id: number; full_name: string; field: string; message: string; reason: string }[];
  lead_ids: number[];
  /** Targets not in Wait for deliver, or no valid lead yet (see problems), left as they are. */
  skipped: number;
}

/** T3: each target in Wait for deliver becomes a lead and turns Transferred, its lead_id set. */
export const convertTargets = (body: ConvertRequest) =>
  request<ConvertResult>('POST', '/api/targets/convert', body);

export const fetchTargetTimeline = (id: number, page: number, pageSize: number) =>
  request<Page<TimelineItem>>('GET', `/api/targets/${id}/timeline${queryString({ page, page_size: pageSize })}`);

/** A link that downloads the targets matching `filter` as csv or xlsx, with `columns`, headers in `lang`. */
export const targetsExportUrl = (format: 'csv' | 'xlsx', columns: string[], lang: Language, filter: QueryParams) =>
  `/api/targets/export${queryString({ ...filter, format, columns: columns.join(','), lang })}`;
