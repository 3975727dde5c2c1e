// Who keeps target lists (K2): the roles that import (the server draws the same line); agents
// neither see nor fill them.
import type { Role } from '../../api/types';

export const targetListRoles: Role[] = ['admin', 'manager', 'marketer'];

export const usesTargetLists = (role: Role) => targetListRoles.includes(role);
