// The bell: what the user was told by popup, kept on the server.
import { request } from './client';

export interface InboxItem {
  id: number;
  type: string; // the live event's: lead_assigned, reminder, stalled_leads
  data: Record<string, unknown>;
  created_at: string;
  read_at: string | null;
}

export interface Inbox {
  items: InboxItem[]; // newest first
  unread: number;
}

export const listNotifications = (limit: number) => request<Inbox>('GET', `/api/notifications?limit=${limit}`);

/** Marks `ids` read, or every notification of the user's when none are given. */
export const markNotificationsRead = (ids?: number[]) =>
  request<{ unread: number }>('POST', '/api/notifications/read', ids ? { ids } : {});
