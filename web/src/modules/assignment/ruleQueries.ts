// The rules as the rules page shows them (R1, R2): each member's ON/OFF and today's count change
// as agents switch themselves and leads arrive, which no event tells a manager, so the page
// reads them again every half minute and when the tab comes back.
import { useQuery } from '@tanstack/react-query';
import { listRules } from '../../api/assignment';

export const rulesRefreshMs = 30_000;

export const useRulesAsTheyAre = () =>
  useQuery({
    queryKey: ['assignment-rules'],
    queryFn: listRules,
    refetchInterval: rulesRefreshMs,
    refetchOnWindowFocus: 'always',
  });
