// Admins and managers hand leads out (rules, jobs, reassigning) and see the trash; the server's
// Principal::Manages draws the same line.
import type { Role } from '../../api/types';

export const manages = (role: Role) => role === 'admin' || role === 'manager';
