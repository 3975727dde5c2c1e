// The server state of imports: one import (polled every second while it runs) and the history.
import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchImport, type ImportJob } from '../../api/imports';

/** The history's pages share this prefix. */
export const importListKey = ['imports', 'list'];
const importKey = (id: number) => ['imports', 'one', id];

export function useImportJob(id: number | undefined) {
  return useQuery({
    queryKey: importKey(id ?? 0),
    queryFn: () => fetchImport(id ?? 0),
    enabled: id !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
}

/** Keeps an import the server answered with, and marks the history as out of date. */
export function useStoreImport(): (job: ImportJob) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (job: ImportJob) => {
      queryClient.setQueryData(importKey(job.id), job);
      void queryClient.invalidateQueries({ queryKey: importListKey });
    },
    [queryClient],
  );
}
