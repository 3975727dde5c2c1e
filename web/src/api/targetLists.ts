// Target lists (K2): named sets of leads to work on together (a calling campaign, a mailing),
// filled from the leads list (selected rows or a filter) and from an import's result. Its members
// are read through the leads list itself: GET /api/leads?target_list_id=ID.
import { request } from './client';
import type { LeadFilter, Page } from './types';

export interface TargetList {
  id: number;
  name: string;
  description: string | null;
  /** How many live leads it holds (leads in the trash are not counted). */
  members: number;
  created_by: number | null;
  created_by_name: string | null;
  /** Whether the signed-in user made it: they (or an admin) rename and delete it. */
  mine: boolean;
  created_at: string;
  updated_at: string;
}

export interface TargetListInput {
  name: string;
  description?: string | null;
}

/** Leads to add: the chosen ones, or every lead the list's filter (a saved view's too) matches. */
export type TargetListLeads = { ids: number[] } | { filter: LeadFilter };

/** What adding did to the leads it selected. */
export interface MembersAdded {
  matched: number;
  /** Newly in the list. */
  added: number;
  /** Were in it before. */
  already: number;
  /** Left out: they must not be contacted. */
  do_not_contact: number;
}

/** Every list, ordered by name (one page holds them all). */
export const listTargetLists = () => request<Page<TargetList>>('GET', '/api/target-lists');

export const fetchTargetList = (id: number) => request<TargetList>('GET', `/api/target-lists/${id}`);

export const createTargetList = (input: TargetListInput) => request<TargetList>('POST', '/api/target-lists', input);

export const updateTargetList = (id: number, changes: Partial<TargetListInput>) =>
  request<TargetList>('PATCH', `/api/target-lists/${id}`, changes);

/** The list and its membership go; the leads stay. */
export const deleteTargetList = (id: number) => request<void>('DELETE', `/api/target-lists/${id}`);

export const addTargetListMembers = (id: number, leads: TargetListLeads) =>
  request<MembersAdded>('POST', `/api/target-lists/${id}/members`, leads);

/** Takes the leads out of the list (the leads stay); answers how many were in it. */
export const removeTargetListMembers = (id: number, leads: TargetListLeads) =>
  request<{ removed: number }>('DELETE', `/api/target-lists/${id}/members`, leads);
