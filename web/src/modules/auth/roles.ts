// Admins and managers hand leads out (rules, jobs, reassigning) and see the trash; the server's
// Principal::Manages draws the same line.
import type { Lead, Role, User } from '../../api/types';

export const manages = (role: Role) => role === 'admin' || role === 'manager';

/** Whether `me` is the manager of team `teamId`: they give its members leads and switch them ON/OFF. */
export const leadsTeam = (me: User, teamId: number | null) =>
  me.role === 'manager' && me.team_id !== null && teamId === me.team_id;

/** Whether `me` may open `lead` (the server's scope): admins and marketers every lead, a manager
 * their own, their team's and the unassigned pool's, an agent their own. */
export const seesLead = (me: User, lead: Pick<Lead, 'owner_id' | 'team_id'>) =>
  me.role === 'admin' ||
  me.role === 'marketer' ||
  lead.owner_id === me.id ||
  (me.role === 'manager' &&
    ((me.team_id !== null && lead.team_id === me.team_id) || (lead.owner_id === null && lead.team_id === null)));
