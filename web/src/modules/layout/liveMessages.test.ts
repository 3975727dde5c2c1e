import type { TFunction } from 'i18next';
import { expect, test } from 'vitest';
import { describeEvent } from './liveMessages';

// Shows which text was asked for with what, so the wording stays the translations' business.
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

test('one lead assigned opens that lead; several open my leads', () => {
  expect(describeEvent({ type: 'lead_assigned', data: { lead_id: 7, full_name: 'Lê Thị Hồng' } }, t)).toEqual({
    title: 'live.leadAssigned',
    body: 'Lê Thị Hồng',
    link: '/leads/7',
  });
  expect(describeEvent({ type: 'lead_assigned', data: { count: 3, reason: 'queue' } }, t)).toEqual({
    title: 'live.leadsAssignedTitle',
    body: 'live.leadsAssigned {"count":3}',
    link: '/leads?owner_id=me',
  });
});

test('a reminder names the call and its lead; stalled leads list their names', () => {
  const reminder = describeEvent(
    { type: 'reminder', data: { lead_id: 9, lead_name: 'Ngô Văn Tâm', subject: 'Tư vấn', start_at: '2026-12-01T02:30:00Z' } },
    t,
  );
  expect(reminder?.body).toBe('Tư vấn · Ngô Văn Tâm');
  expect(reminder?.link).toBe('/leads/9');
  const insteadOfEmail = describeEvent(
    {
      type: 'reminder',
      data: { lead_id: 9, lead_name: 'Ngô Văn Tâm', subject: 'Tư vấn', start_at: '2026-12-01T02:30:00Z', instead_of_email: true },
    },
    t,
  );
  expect(insteadOfEmail?.body).toBe('Tư vấn · Ngô Văn Tâm (live.reminderInsteadOfEmail)');
  // A call on a target (T2) opens the target.
  const onTarget = describeEvent(
    { type: 'reminder', data: { parent_type: 'target', parent_id: 4, lead_name: 'Lý Tâm', subject: 'Xác thực', start_at: '2026-12-01T02:30:00Z' } },
    t,
  );
  expect(onTarget?.link).toBe('/targets/4');
  // T4: targets handed to the user, one or many.
  expect(describeEvent({ type: 'target_assigned', data: { target_id: 7, full_name: 'Lý Tâm' } }, t)).toEqual({
    title: 'live.targetAssigned',
    body: 'Lý Tâm',
    link: '/targets/7',
  });
  expect(describeEvent({ type: 'target_assigned', data: { count: 2 } }, t)?.link).toBe('/targets?owner_id=me');
  const stalled = describeEvent(
    { type: 'stalled_leads', data: { count: 2, days: 3, leads: [{ full_name: 'A' }, { full_name: 'B' }] } },
    t,
  );
  expect(stalled).toEqual({
    title: 'live.stalled {"count":2,"period":"live.days {\\"count\\":3}"}',
    body: 'A, B',
    link: '/leads?owner_id=me&stalled_days=3', // the leads it counted, not all the owner's
  });
});

test("a switch by someone else names them; the user's own switch shows nothing", () => {
  expect(describeEvent({ type: 'presence', data: { online: false, by: 'Trần Quản Lý' } }, t)).toEqual({
    title: 'live.switchedOff {"by":"Trần Quản Lý"}',
    body: 'presence.offHint',
    link: '/leads?owner_id=me',
  });
  expect(describeEvent({ type: 'presence', data: { online: true, by: null } }, t)).toBeNull();
});

test('events the page does not show give nothing', () => {
  expect(describeEvent({ type: 'import_progress', data: { id: 1 } }, t)).toBeNull();
});
