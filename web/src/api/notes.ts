// Notes on a record (C5).
import { request } from './client';
import type { Note } from './types';

export const createNote = (leadId: number, body: string) =>
  request<Note>('POST', '/api/notes', { parent_type: 'lead', parent_id: leadId, body });

export const updateNote = (id: number, body: string) => request<Note>('PATCH', `/api/notes/${id}`, { body });

export const deleteNote = (id: number) => request<void>('DELETE', `/api/notes/${id}`);
