import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import type { AssignmentRule, Page } from '../../api/types';
import { rulesRefreshMs, useRulesAsTheyAre } from './ruleQueries';

const listRules = vi.hoisted(() => vi.fn<() => Promise<Page<AssignmentRule>>>());
vi.mock(import('../../api/assignment'), async (original) => ({ ...(await original()), listRules }));

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
