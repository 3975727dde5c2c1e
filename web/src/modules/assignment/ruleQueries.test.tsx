import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import type { AssignmentRule, Page } from '../../api/types';
import { rulesRefreshMs, useMayUseRule, useRulesAsTheyAre } from './ruleQueries';

const listRules = vi.hoisted(() => vi.fn<() => Promise<Page<AssignmentRule>>>());
vi.mock(import('../../api/assignment'), async (original) => ({ ...(await original()), listRules }));
// A manager of the team of users 1 and 2: user 9 is in another team.
vi.mock(import('../common/useDirectory'), async (original) => ({
  ...(await original()),
  useDirectory: () => ({ mayGiveTo: (id: number) => id !== 9 }) as ReturnType<typeof import('../common/useDirectory').useDirectory>,
}));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

test('the rules page reads presence and counts again while it stays open', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  listRules.mockResolvedValue({ items: [], total: 0 } as unknown as Page<AssignmentRule>);
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useRulesAsTheyAre(), { wrapper });
  await waitFor(() => expect(result.current.isSuccess).toBe(true));
  expect(listRules).toHaveBeenCalledTimes(1);
  await act(async () => vi.advanceTimersByTimeAsync(rulesRefreshMs));
  await waitFor(() => expect(listRules).toHaveBeenCalledTimes(2));
});

test("a rule that gives leads to another team's member is not the manager's to use (queue, schedule)", () => {
  const { result } = renderHook(() => useMayUseRule());
  const rule = (ids: number[]) => ({ members: ids.map((user_id) => ({ user_id })) }) as unknown as AssignmentRule;
  expect(result.current(rule([1, 2]))).toBe(true);
  expect(result.current(rule([1, 9]))).toBe(false);
});
