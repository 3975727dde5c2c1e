// The signed-in user's live events (GET /api/ws): shown as Ant Design notifications and, while
// no tab of the site is visible, as browser notifications (when the user has allowed them). The
// bell (NotificationBell) reloads when one it keeps arrives; opening a popup marks it read there.
// The socket comes back after a drop, waiting longer each time (up to 30 s, spread at random).
import { useEffect, useRef } from 'react';
import { App as AntApp } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/imports';
import { fetchSession } from '../../api/auth';
import { markNotificationsRead } from '../../api/notifications';
import { useAuth } from '../auth/AuthProvider';
import { applyImportProgress } from '../imports/importQueries';
import { describeEvent, type LiveEvent } from './liveMessages';
import { recordListKey } from '../common/records';

const maxRetryDelay = 30_000;

/**
 * The wait before the next try: twice as long after each failed one, up to 30 s, and somewhere
 * in its upper half so that the pages a server restart dropped do not all come back at once.
 */
export function retryDelay(retries: number, random: () => number = Math.random): number {
  return Math.min(maxRetryDelay, 1000 * 2 ** retries) * (0.5 + random() / 2);
}

/** Asked on a user's gesture (switching ON, opening the bell), as browsers require; once answered, never again. */
export function askForBrowserNotifications(): void {
  if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
}

export function useLiveEvents(): void {
  const { t } = useTranslation();
  const { notification } = AntApp.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Read when an event comes, so that nothing but signing out closes the socket: `navigate` is new
  // at each page, `t` and `notification` at each change of language, and an event sent while no
  // socket is open is lost (the server keeps none).
  const { updateUser } = useAuth();
  const latest = useRef({ updateUser, navigate, t, notification });
  useEffect(() => {
    latest.current = { updateUser, navigate, t, notification };
  }, [updateUser, navigate, t, notification]);

  useEffect(() => {
    let socket: WebSocket | null = null;
    let retries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    // Every open tab gets each event. A visible tab shows it as a popup and tells the others,
    // which then leave out their browser notification; hidden tabs show one notification per
    // `tag` between them (the browser replaces one with the next of the same tag).
    const tabs = 'BroadcastChannel' in window ? new BroadcastChannel('sen-live-events') : null;
    const shownInAnotherTab = new Set<string>();
    if (tabs) {
      tabs.onmessage = (message: MessageEvent<unknown>) => {
        if (shownInAnotherTab.size >= 100) shownInAnotherTab.clear(); // tags no hidden tab waited for
        if (typeof message.data === 'string') shownInAnotherTab.add(message.data);
      };
    }
    const waiting = new Set<ReturnType<typeof setTimeout>>();
    const show = (title: string, body: string, open: () => void, tag?: string, stays = false) => {
      latest.current.notification.info({
        message: title,
        description: body,
        className: 'live-event',
        duration: stays ? 0 : undefined,
        onClick: open,
        style: { cursor: 'pointer' },
      });
      if (!document.hidden) {
        if (tag) tabs?.postMessage(tag);
        return;
      }
      if (!('Notification' in window) || Notification.permission !== 'granted') return;
      const notify = () => {
        const shown = new Notification(title, { body, tag });
        shown.onclick = () => {
          window.focus();
          open();
        };
      };
      if (!tag || !tabs) return notify();
      // The visible tab's socket hears the event at about the same time as this one.
      const wait = setTimeout(() => {
        waiting.delete(wait);
        if (!shownInAnotherTab.delete(tag)) notify();
      }, 500);
      waiting.add(wait);
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
        latest.current.updateUser({ online: event.data.online === true });
        void queryClient.invalidateQueries({ queryKey: ['assignment-rules'] });
      }
      const kept = event.data.notification_id;
      if (typeof kept === 'number') void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      if (event.type === 'lead_assigned') void queryClient.invalidateQueries({ queryKey: recordListKey('lead') });
      if (event.type === 'target_assigned') void queryClient.invalidateQueries({ queryKey: recordListKey('target') });
      const message = describeEvent(event, latest.current.t);
      if (!message) return;
      // A call reminder waits on screen for whoever stepped away from the desk for a moment.
      const stays = event.type === 'reminder';
      show(message.title, message.body, () => {
        latest.current.navigate(message.link);
        if (typeof kept === 'number') {
          // Failing, it stays unread in the bell, which is where the user looks next.
          markNotificationsRead([kept]).then(
            () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
            () => undefined,
          );
        }
      }, typeof kept === 'number' ? `sen-notification-${kept}` : undefined, stays);
    };

    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${window.location.host}/api/ws`);
      socket.onopen = () => {
        // Back after a drop: the bell catches up on what came meanwhile, and the header's ON/OFF
        // on a switch a manager made meanwhile (its event went to no socket).
        if (retries > 0) {
          void queryClient.invalidateQueries({ queryKey: ['notifications'] });
          void queryClient.invalidateQueries({ queryKey: ['assignment-rules'] });
          fetchSession().then(
            ({ user }) => latest.current.updateUser({ online: user.online }),
            () => undefined, // signed out or still away: the next reconnect tries again
          );
        }
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
        timer = setTimeout(connect, retryDelay(retries));
        retries += 1;
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      waiting.forEach(clearTimeout);
      tabs?.close();
      socket?.close();
    };
  }, [queryClient]);
}
