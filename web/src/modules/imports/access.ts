// Who may import and export leads (I1–I9): everyone but agents.
import type { Role } from '../../api/types';

export const importRoles: Role[] = ['admin', 'manager', 'marketer'];

export const canImport = (role: Role) => importRoles.includes(role);
