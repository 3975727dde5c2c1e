import { expect, test } from 'vitest';
import type { AssignmentRule } from '../../api/types';
import { ruleChanges, ruleValues } from './ruleInput';

const rule: AssignmentRule = {
  id: 4,
  name: 'Hội thảo',
  active: true,
  campaign_id: null,
  source: 'Hội thảo',
  method: 'round_robin',
  creator_priority: true,
  members: [
    { user_id: 7, weight: 1, daily_cap: null, full_name: 'Lê An', online: true, taken_today: 2 },
    { user_id: 9, weight: 2, daily_cap: 5, full_name: 'Vũ Bình', online: false, taken_today: 0 },
  ],
  queued: 0,
  created_at: '2026-12-01T02:00:00Z',
  updated_at: '2026-12-01T02:00:00Z',
};

test('a rule saved unchanged sends nothing, so it keeps what others changed meanwhile', () => {
  expect(ruleChanges(rule, ruleValues(rule))).toEqual({});
});

test('only the fields the user changed are sent', () => {
  const values = ruleValues(rule);
  values.members[1].daily_cap = 8;
  values.source = '  Hội thảo  ';
  expect(ruleChanges(rule, values)).toEqual({
    members: [
      { user_id: 7, weight: 1, daily_cap: null },
      { user_id: 9, weight: 2, daily_cap: 8 },
    ],
  });
  expect(ruleChanges(rule, { ...ruleValues(rule), active: false, name: 'Mới' })).toEqual({ active: false, name: 'Mới' });
});
