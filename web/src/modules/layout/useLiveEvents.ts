// The signed-in user's live events (GET /api/ws): shown as Ant Design notifications and, while
// the tab is hidden, as browser notifications (when the user has allowed them). The bell
// (NotificationBell) reloads when one it keeps arrives; opening a popup marks it read there.
// The socket comes back after a drop, waiting longer each time (up to 30 s).
import { useEffect, useRef } from 'react';
import { App as AntApp } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/imports';
import { markNotificationsRead } from '../../api/notifications';
import { useAuth } from '../auth/AuthProvider';
import { applyImportProgress } from '../imports/importQueries';
import { describeEvent, type LiveEvent } from './liveMessages';

const maxRetryDelay = 30_000;

/** Asked on a user's gesture (switching ON, opening the bell), as browsers require; once answered, never again. */
export function askForBrowserNotifications(): void {
  if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
}

export function useLiveEvents(): void {
  const { t } = useTranslation();
  const { notification } = AntApp.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Read when an event comes, so that a change of the session does not open a new socket.
  const { updateUser } = useAuth();
  const updateUserRef = useRef(updateUser);
  useEffect(() => {
    updateUserRef.current = updateUser;
  }, [updateUser]);

  useEffect(() => {
    let socket: WebSocket | null = null;
    let retries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const show = (title: string, body: string, open: () => void) => {
      notification.info({
        message: title,
        description: body,
        className: 'live-event',
        onClick: open,
        style: { cursor: 'pointer' },
      });
      if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
        const shown = new Notification(title, { body });
        shown.onclick = () => {
          window.focus();
          open();
        };
      }
    };

    const handle = (event: LiveEvent) => {
      if (event.type === 'import_progress') {
        if (typeof event.data.id === 'number') {
          applyImportProgress(queryClient, event.data as Partial<ImportJob> & { id: number });
        }
        return;
      }
      if (event.type === 'presence') {
        // R1: switched ON or OFF, here or by a manager: the header's switch shows what assignment goes by.
        updateUserRef.current({ online: event.data.online === true });
        void queryClient.invalidateQueries({ queryKey: ['assignment-rules'] });
      }
      const kept = event.data.notification_id;
      if (typeof kept === 'number') void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      if (event.type === 'lead_assigned') void queryClient.invalidateQueries({ queryKey: ['leads'] });
      const message = describeEvent(event, t);
      if (!message) return;
      show(message.title, message.body, () => {
        navigate(message.link);
        if (typeof kept === 'number') {
          void markNotificationsRead([kept]).then(() => queryClient.invalidateQueries({ queryKey: ['notifications'] }));
        }
      });
    };

    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${window.location.host}/api/ws`);
      socket.onopen = () => {
        retries = 0;
      };
      socket.onmessage = (message: MessageEvent<string>) => {
        try {
          handle(JSON.parse(message.data) as LiveEvent);
        } catch {
          // Not an event of ours: nothing to show.
        }
      };
      socket.onclose = () => {
        if (stopped) return;
        timer = setTimeout(connect, Math.min(maxRetryDelay, 1000 * 2 ** retries));
        retries += 1;
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [notification, queryClient, navigate, t]);
}
