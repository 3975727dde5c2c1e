import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import type { ImportJob } from '../../api/imports';
import { useImportJob } from './importQueries';

const fetchImport = vi.hoisted(() => vi.fn<(id: number) => Promise<ImportJob>>());
vi.mock(import('../../api/imports'), async (original) => ({ ...(await original()), fetchImport }));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

test('an import a poll sees end has the leads read again, as its live event would', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const running = { id: 4, status: 'running', processed: 1, total: 3 } as ImportJob;
  fetchImport.mockResolvedValueOnce(running).mockResolvedValue({ ...running, status: 'done', processed: 3 });
  const client = new QueryClient();
  client.setQueryData(['leads', 'list'], { items: [] });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useImportJob(4), { wrapper });
  await waitFor(() => expect(result.current.data?.status).toBe('running'));
  expect(client.getQueryState(['leads', 'list'])?.isInvalidated).toBe(false);
  await act(async () => vi.advanceTimersByTimeAsync(3000)); // the next poll
  await waitFor(() => expect(result.current.data?.status).toBe('done'));
  expect(client.getQueryState(['leads', 'list'])?.isInvalidated).toBe(true);
});
