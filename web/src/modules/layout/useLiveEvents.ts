// The signed-in user's live events (GET /api/ws): shown as Ant Design notifications and, while
// the tab is hidden, as browser notifications (when the user has allowed them). The socket comes
// back after a drop, waiting longer each time (up to 30 s).
import { useEffect } from 'react';
import { App as AntApp } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ImportJob } from '../../api/imports';
import { applyImportProgress } from '../imports/importQueries';

interface LiveEvent {
  type: string;
  data: Record<string, unknown>;
}

const maxRetryDelay = 30_000;

/** Asked on a user's gesture (switching ON), as browsers require. */
export function askForBrowserNotifications(): void {
  if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
}

export function useLiveEvents(): void {
  const { t } = useTranslation();
  const { notification } = AntApp.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    let socket: WebSocket | null = null;
    let retries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const show = (title: string, body: string, open?: () => void) => {
      notification.info({
        message: title,
        description: body,
        className: 'live-event',
        onClick: open,
        style: open ? { cursor: 'pointer' } : undefined,
      });
      if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
        const shown = new Notification(title, { body });
        shown.onclick = () => {
          window.focus();
          open?.();
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
      if (event.type === 'reminder') {
        // C4: a call of the user's is coming up.
        const { lead_id: leadId, lead_name: leadName, subject, start_at: startAt } = event.data;
        show(
          t('live.reminder', { time: dayjs(String(startAt)).format('HH:mm') }),
          `${String(subject ?? '')} · ${String(leadName ?? '')}`,
          typeof leadId === 'number' ? () => navigate(`/leads/${leadId}`) : undefined,
        );
        return;
      }
      if (event.type === 'stalled_leads') {
        // R6 / P3: the user's open leads have waited too long for a call or a note.
        const { count, days, leads } = event.data;
        const names = Array.isArray(leads) ? leads.map((l: { full_name?: unknown }) => String(l.full_name ?? '')) : [];
        const period = t('live.days', { count: Number(days ?? 0) });
        show(t('live.stalled', { count: Number(count ?? 0), period }), names.join(', '), () => navigate('/leads?owner_id=me'));
        return;
      }
      if (event.type !== 'lead_assigned') return;
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      const { lead_id: leadId, full_name: name, count } = event.data;
      if (typeof leadId === 'number') {
        show(t('live.leadAssigned'), String(name ?? ''), () => navigate(`/leads/${leadId}`));
      } else {
        show(t('live.leadAssigned'), t('live.leadsAssigned', { count: Number(count ?? 0) }), () => navigate('/leads?owner_id=me'));
      }
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
