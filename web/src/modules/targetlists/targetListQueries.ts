// The server state of target lists: all of them (few, one page), one by id (the leads list names
// the list it shows), and what a change of membership makes out of date: the lists' counts and
// the leads pages filtered by a list.
import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchTargetList, listTargetLists, type TargetList } from '../../api/targetLists';
import type { Page } from '../../api/types';

/** Every query of lists shares this prefix. */
export const targetListsKey = ['target-lists'];
const allListsKey = [...targetListsKey, 'all'];
const oneListKey = (id: number) => [...targetListsKey, 'one', id];

export const useTargetLists = (enabled = true) =>
  useQuery({ queryKey: allListsKey, queryFn: listTargetLists, enabled });

export const useTargetList = (id: number | undefined) =>
  useQuery({ queryKey: oneListKey(id ?? 0), queryFn: () => fetchTargetList(id ?? 0), enabled: id !== undefined });

/** After leads joined or left a list, or a list went: the counts, and the leads pages that show its members. */
export function useRefreshAfterMembership(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: targetListsKey });
    void queryClient.invalidateQueries({ queryKey: ['leads'] });
  }, [queryClient]);
}

/** A list the server just made or changed: shown at once (a Select that holds its id names it), then read again. */
export function useStoreTargetList(): (list: TargetList) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (list: TargetList) => {
      queryClient.setQueryData<Page<TargetList>>(allListsKey, (page) => {
        if (!page) return page;
        const others = page.items.filter((item) => item.id !== list.id);
        const items = [...others, list].sort((a, b) => a.name.localeCompare(b.name));
        return { ...page, items, total: page.total + (others.length === page.items.length ? 1 : 0) };
      });
      queryClient.setQueryData(oneListKey(list.id), list);
      void queryClient.invalidateQueries({ queryKey: targetListsKey });
    },
    [queryClient],
  );
}
