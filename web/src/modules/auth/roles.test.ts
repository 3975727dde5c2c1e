import { expect, test } from 'vitest';
import type { User } from '../../api/types';
import { seesLead } from './roles';

const user = (role: User['role'], id: number, team_id: number | null) => ({ id, role, team_id }) as User;

// The server's scope, which the pages follow after a rule hands a lead on: a manager's lead given
// by an admin's rule to another team has left the manager's sight, and its page is closed to them.
test('who sees a lead: everyone for admins and marketers, the team and pool for a manager, their own for an agent', () => {
  const manager = user('manager', 1, 10);
  expect(seesLead(manager, { owner_id: 1, team_id: 20 })).toBe(true); // their own
  expect(seesLead(manager, { owner_id: 5, team_id: 10 })).toBe(true); // their team's
  expect(seesLead(manager, { owner_id: null, team_id: null })).toBe(true); // the pool
  expect(seesLead(manager, { owner_id: null, team_id: 10 })).toBe(true);
  expect(seesLead(manager, { owner_id: 7, team_id: 20 })).toBe(false); // another team's agent
  expect(seesLead(manager, { owner_id: null, team_id: 20 })).toBe(false);
  expect(seesLead(user('manager', 2, null), { owner_id: 7, team_id: null })).toBe(false);
  const agent = user('agent', 3, 10);
  expect(seesLead(agent, { owner_id: 3, team_id: 10 })).toBe(true);
  expect(seesLead(agent, { owner_id: 5, team_id: 10 })).toBe(false);
  for (const role of ['admin', 'marketer'] as const) expect(seesLead(user(role, 4, null), { owner_id: 7, team_id: 20 })).toBe(true);
});
