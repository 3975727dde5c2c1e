// Saved views of the leads list (L7): the user's own and those shared with their team.
import { request } from './client';
import type { NewSavedView, SavedView } from './types';

export const listViews = () => request<{ items: SavedView[] }>('GET', '/api/views?entity=leads');

export const createView = (view: NewSavedView) => request<SavedView>('POST', '/api/views', view);

export const deleteView = (id: number) => request<void>('DELETE', `/api/views/${id}`);
