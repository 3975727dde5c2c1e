// Lead endpoints: metadata, list, CRUD, mass update, the timeline, the list's column choice and export.
import { queryString, request, type QueryParams } from './client';
import type {
  FieldRegistryMeta,
  Language,
  Lead,
  LeadInput,
  MassUpdateRequest,
  MassUpdateResult,
  Page,
  TimelineItem,
} from './types';

export const fetchLeadMeta = () => request<FieldRegistryMeta>('GET', '/api/meta/leads');

export const listLeads = (params: QueryParams) => request<Page<Lead>>('GET', `/api/leads${queryString(params)}`);

export const fetchLead = (id: number) => request<Lead>('GET', `/api/leads/${id}`);

export const createLead = (input: LeadInput) => request<Lead>('POST', '/api/leads', input);

export const updateLead = (id: number, changes: LeadInput) => request<Lead>('PATCH', `/api/leads/${id}`, changes);

export const deleteLead = (id: number) => request<void>('DELETE', `/api/leads/${id}`);

export const restoreLead = (id: number) => request<Lead>('POST', `/api/leads/${id}/restore`);

export const massUpdateLeads = (body: MassUpdateRequest) =>
  request<MassUpdateResult>('POST', '/api/leads/mass-update', body);

export const fetchLeadTimeline = (id: number, page: number, pageSize: number) =>
  request<Page<TimelineItem>>('GET', `/api/leads/${id}/timeline${queryString({ page, page_size: pageSize })}`);

/** The user's own choice and order of list columns (L7); null until they choose. */
export const fetchLeadColumns = () => request<{ value: string[] | null }>('GET', '/api/preferences/lead_columns');

export const saveLeadColumns = (columns: string[]) =>
  request<{ value: string[] }>('PUT', '/api/preferences/lead_columns', { value: columns });

/** A link that downloads the leads matching `filter` as csv or xlsx, with `columns`, headers in `lang` (I9). */
export const leadsExportUrl = (format: 'csv' | 'xlsx', columns: string[], lang: Language, filter: QueryParams) =>
  `/api/leads/export${queryString({ ...filter, format, columns: columns.join(','), lang })}`;
