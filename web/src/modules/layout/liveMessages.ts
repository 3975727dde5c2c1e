// What a live event or a kept notification says, and where clicking it leads: one wording for
// the popup and the bell.
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';

export interface LiveEvent {
  type: string;
  data: Record<string, unknown>;
}

export interface LiveMessage {
  title: string;
  body: string;
  link: string;
}

export function describeEvent({ type, data }: LiveEvent, t: TFunction): LiveMessage | null {
  if (type === 'reminder') {
    // C4: a call of the user's is coming up.
    // The call's record: a lead, or a target (T2); `lead_name` names either.
    const { lead_name: leadName, subject, start_at: startAt, instead_of_email: insteadOfEmail } = data;
    const record =
      data.parent_type === 'target' ? `/targets/${Number(data.parent_id)}` : `/leads/${Number(data.lead_id)}`;
    const body = `${String(subject ?? '')} · ${String(leadName ?? '')}`;
    return {
      title: t('live.reminder', { time: dayjs(String(startAt)).format('HH:mm') }),
      // An e-mail reminder that could not be sent (no e-mail set up, no address) comes here instead.
      body: insteadOfEmail ? `${body} (${t('live.reminderInsteadOfEmail')})` : body,
      link: record,
    };
  }
  if (type === 'stalled_leads') {
    // R6 / P3: the user's open leads have waited too long for a call or a note.
    const { count, days, leads } = data;
    const names = Array.isArray(leads) ? leads.map((l: { full_name?: unknown }) => String(l.full_name ?? '')) : [];
    const period = t('live.days', { count: Number(days ?? 0) });
    return {
      title: t('live.stalled', { count: Number(count ?? 0), period }),
      body: names.join(', '),
      // The leads it counted (P3), not all of the owner's.
      link: `/leads?owner_id=me&stalled_days=${Number(days ?? 0)}`,
    };
  }
  if (type === 'lead_assigned') {
    const { lead_id: leadId, full_name: name, count } = data;
    return typeof leadId === 'number'
      ? { title: t('live.leadAssigned'), body: String(name ?? ''), link: `/leads/${leadId}` }
      : {
          title: t('live.leadsAssignedTitle'),
          body: t('live.leadsAssigned', { count: Number(count ?? 0) }),
          link: '/leads?owner_id=me',
        };
  }
  if (type === 'target_assigned') {
    // T4: targets were given to the user to verify.
    const { target_id: targetId, full_name: name, count } = data;
    return typeof targetId === 'number'
      ? { title: t('live.targetAssigned'), body: String(name ?? ''), link: `/targets/${targetId}` }
      : {
          title: t('live.targetsAssignedTitle'),
          body: t('live.targetsAssigned', { count: Number(count ?? 0) }),
          link: '/targets?owner_id=me',
        };
  }
  if (type === 'presence' && typeof data.by === 'string') {
    // R1: someone else switched the user ON or OFF (the user's own switch needs no popup).
    const online = data.online === true;
    return {
      title: t(online ? 'live.switchedOn' : 'live.switchedOff', { by: data.by }),
      body: t(online ? 'presence.onHint' : 'presence.offHint'),
      link: '/leads?owner_id=me',
    };
  }
  return null;
}
