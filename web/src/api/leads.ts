// Lead endpoints: metadata, list, CRUD and the change history.
import { queryString, request, type QueryParams } from './client';
import type { Lead, LeadInput, LeadMeta, Page, TimelineItem } from './types';

export const fetchLeadMeta = () => request<LeadMeta>('GET', '/api/meta/leads');

export const listLeads = (params: QueryParams) => request<Page<Lead>>('GET', `/api/leads${queryString(params)}`);

export const fetchLead = (id: number) => request<Lead>('GET', `/api/leads/${id}`);

export const createLead = (input: LeadInput) => request<Lead>('POST', '/api/leads', input);

export const updateLead = (id: number, changes: LeadInput) => request<Lead>('PATCH', `/api/leads/${id}`, changes);

export const deleteLead = (id: number) => request<void>('DELETE', `/api/leads/${id}`);

export const restoreLead = (id: number) => request<Lead>('POST', `/api/leads/${id}/restore`);

export const fetchLeadTimeline = (id: number, page: number, pageSize: number) =>
  request<Page<TimelineItem>>('GET', `/api/leads/${id}/timeline${queryString({ page, page_size: pageSize })}`);
