// Assignment (R1-R4): presence, rules, and handing a lead to someone else.
import { request } from './client';
import type { AssignmentRule, AssignmentRuleInput, Lead, Page, User } from './types';

export const setPresence = (userId: number, online: boolean) =>
  request<User>('PUT', `/api/users/${userId}/presence`, { online });

export const listRules = () => request<Page<AssignmentRule>>('GET', '/api/assignment-rules');

export const createRule = (rule: AssignmentRuleInput) => request<AssignmentRule>('POST', '/api/assignment-rules', rule);

export const updateRule = (id: number, changes: Partial<AssignmentRuleInput>) =>
  request<AssignmentRule>('PATCH', `/api/assignment-rules/${id}`, changes);

export const deleteRule = (id: number) => request<void>('DELETE', `/api/assignment-rules/${id}`);

export const unassignLead = (id: number) => request<Lead>('POST', `/api/leads/${id}/unassign`, {});

export const assignLead = (id: number, ownerId: number) =>
  request<Lead>('POST', `/api/leads/${id}/assign`, { owner_id: ownerId });
