// Admins and managers hand leads out (rules, jobs, reassigning) and see the trash; the server's
// Principal::Manages draws the same line.
import type { Role, User } from '../../api/types';

export const manages = (role: Role) => role === 'admin' || role === 'manager';

/** Whether `me` is the manager of team `teamId`: they give its members leads and switch them ON/OFF. */
export const leadsTeam = (me: User, teamId: number | null) =>
  me.role === 'manager' && me.team_id !== null && teamId === me.team_id;
