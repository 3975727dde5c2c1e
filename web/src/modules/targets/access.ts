// Who does what with targets: everyone reads the targets they may see and creates them; agents
// neither mass-update, convert nor export them (as with leads); admins and managers delete them.
import type { Role } from '../../api/types';
import { manages } from '../auth/roles';

export const worksOnManyTargets = (role: Role) => role !== 'agent';

export const deletesTargets = manages;
