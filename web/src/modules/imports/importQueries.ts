// The server state of imports: one import (its progress pushed as live events while it runs, and
// polled every few seconds in case the live connection is down) and the history.
import { useCallback } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchImport, type ImportJob } from '../../api/imports';
import { ApiError } from '../../api/types';

/** The history's pages share this prefix. */
export const importListKey = ['imports', 'list'];
const importKey = (id: number) => ['imports', 'one', id];

const busy = (job?: Partial<ImportJob>) => job?.status === 'running' || job?.status === 'undoing';

export function useImportJob(id: number | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKey(id ?? 0),
    queryFn: async () => {
      const job = await fetchImport(id ?? 0);
      // Seen to end by a poll (the live connection down, so no "import_progress" said so): the
      // leads it wrote or took back are read again, as that event would have had them.
      if (busy(queryClient.getQueryData(importKey(job.id))) && !busy(job)) refreshAfterImport(queryClient);
      return job;
    },
    enabled: id !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (busy(query.state.data) ? 3000 : false),
  });
}

/** What an import that ended changed: the history, and the leads or targets on any page. */
export function refreshAfterImport(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: importListKey });
  for (const key of ['leads', 'lead', 'targets', 'target']) void queryClient.invalidateQueries({ queryKey: [key] });
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

/** Conflicts that mean the import changed elsewhere: run, undone or changed in another tab, or expired. */
const changedElsewhere = new Set(['import_ran', 'import_not_done', 'import_changed', 'import_expired']);

/**
 * For a step's errors: an import that changed elsewhere is read again, so the wizard moves to
 * where it is now (the result of a run another tab started) instead of failing on every click.
 */
export function useFollowImportChanges(id: number): (error: unknown) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.reason !== null && changedElsewhere.has(error.reason)) {
        void queryClient.invalidateQueries({ queryKey: importKey(id) });
      }
    },
    [queryClient, id],
  );
}

/** An "import_progress" live event: the import's new figures onto what the page shows. */
export function applyImportProgress(queryClient: QueryClient, progress: Partial<ImportJob> & { id: number }): void {
  const before = queryClient.getQueryData<ImportJob>(importKey(progress.id));
  queryClient.setQueryData<ImportJob>(importKey(progress.id), (job) => (job ? { ...job, ...progress } : job));
  // Leads were written or taken back while the user may be on the list: it reads them again, once
  // (a poll that then sees the end finds it known already).
  if (!busy(progress) && (!before || busy(before))) refreshAfterImport(queryClient);
}
