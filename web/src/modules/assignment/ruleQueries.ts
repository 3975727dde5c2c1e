// The rules as the rules page shows them (R1, R2): each member's ON/OFF and today's count change
// as agents switch themselves and leads arrive, which no event tells a manager, so the page
// reads them again every half minute and when the tab comes back. And who may use a rule.
import { useQuery } from '@tanstack/react-query';
import { listRules } from '../../api/assignment';
import type { AssignmentRule } from '../../api/types';
import { useDirectory } from '../common/useDirectory';

export const rulesRefreshMs = 30_000;

export const useRulesAsTheyAre = () =>
  useQuery({
    queryKey: ['assignment-rules'],
    queryFn: listRules,
    refetchInterval: rulesRefreshMs,
    refetchOnWindowFocus: 'always',
  });

/**
 * Whether the signed-in user may change a rule and hand leads out through it (queue leads for it,
 * schedule or run its job): every member is someone they may give leads to, as the server checks.
 * A manager's team only, for a manager: an admin's rule naming other teams is the admin's.
 */
export function useMayUseRule(): (rule: AssignmentRule) => boolean {
  const directory = useDirectory();
  return (rule) => rule.members.every((member) => directory.mayGiveTo(member.user_id));
}
