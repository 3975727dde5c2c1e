// Calls (C1–C3): metadata, list, log, edit, delete.
import { queryString, request, type QueryParams } from './client';
import type { Call, CallInput, FieldRegistryMeta, Page, SavedCall } from './types';

export const fetchCallMeta = () => request<FieldRegistryMeta>('GET', '/api/meta/calls');

export const listCalls = (params: QueryParams) => request<Page<Call>>('GET', `/api/calls${queryString(params)}`);

export const createCall = (input: CallInput) => request<SavedCall>('POST', '/api/calls', input);

export const updateCall = (id: number, changes: CallInput) => request<SavedCall>('PATCH', `/api/calls/${id}`, changes);

export const deleteCall = (id: number) => request<void>('DELETE', `/api/calls/${id}`);
