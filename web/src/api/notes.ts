// Notes on a record, a lead or a target (C5).
import { request } from './client';
import type { Note, ParentType } from './types';

export const createNote = (parentType: ParentType, parentId: number, body: string) =>
  request<Note>('POST', '/api/notes', { parent_type: parentType, parent_id: parentId, body });

export const updateNote = (id: number, body: string) => request<Note>('PATCH', `/api/notes/${id}`, { body });

export const deleteNote = (id: number) => request<void>('DELETE', `/api/notes/${id}`);
