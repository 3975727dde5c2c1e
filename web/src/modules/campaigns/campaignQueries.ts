// The server state of campaigns: a page of the campaigns page, a picker's search, one campaign by
// id (a picker's value, a lead's campaign) and the names of a table's campaigns. A change to any
// campaign reads them all again (every query shares one prefix).
import { useCallback, useMemo } from 'react';
import { keepPreviousData, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchCampaign, listCampaigns, type Campaign, type CampaignQuery } from '../../api/campaigns';
import type { Page } from '../../api/types';

export const campaignsKey = ['campaigns'];
const oneKey = (id: number) => [...campaignsKey, 'one', id];
/** How many campaigns a picker offers at a time; typing finds the others. */
const pickerPageSize = 50;
/** The most one list request reads. */
const allPageSize = 500;
const fiveMinutes = 5 * 60 * 1000;

/** A page of the campaigns page: read on every visit, as its lead counts change with any lead. */
export const useCampaignPage = (query: CampaignQuery) =>
  useQuery({
    queryKey: [...campaignsKey, 'page', query],
    queryFn: () => listCampaigns(query),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

/** The first campaigns by name whose name holds `q` (case and marks aside): a picker's choices. */
export const useCampaignSearch = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: [...campaignsKey, 'search', q],
    queryFn: () => listCampaigns({ q, page_size: pickerPageSize, counts: 'false' }),
    placeholderData: keepPreviousData,
    enabled,
  });

/** The campaign `id` in any list read already (a picker's choices), so that naming it asks nothing more. */
function cached(queryClient: QueryClient, id: number): Campaign | undefined {
  for (const [, data] of queryClient.getQueriesData<Page<Campaign> | Campaign>({ queryKey: campaignsKey })) {
    const found = data && 'items' in data ? data.items.find((campaign) => campaign.id === id) : undefined;
    if (found) return found;
  }
  return undefined;
}

export function useCampaign(id: number | null | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: oneKey(id ?? 0),
    queryFn: () => fetchCampaign(id ?? 0),
    initialData: () => (id ? cached(queryClient, id) : undefined),
    enabled: id !== null && id !== undefined,
    staleTime: fiveMinutes,
  });
}

/** The names of the campaigns read one by one, by id. */
const namesOf = (results: { data?: Campaign }[]) =>
  new Map(results.flatMap(({ data }) => (data ? [[data.id, data.name] as const] : [])));

/**
 * The name of each campaign among `ids` (a table's rows), for rendering: '' while it is being read,
 * `#id` if it cannot be. All campaigns are read in one request, which holds every one of them but in
 * a company of more than 500; only then the others are read one by one (once each, not per row).
 */
export function useCampaignNames(ids: (number | null)[]): (id: number) => string {
  const wanted = [...new Set(ids.filter((id) => id !== null))];
  const all = useQuery({
    queryKey: [...campaignsKey, 'all'],
    queryFn: () => listCampaigns({ page_size: allPageSize, counts: 'false' }),
    enabled: wanted.length > 0,
    staleTime: fiveMinutes,
  });
  const names = useMemo(
    () => new Map<number, string>(all.data?.items.map((campaign) => [campaign.id, campaign.name])),
    [all.data],
  );
  const complete = all.data !== undefined && all.data.items.length >= all.data.total;
  const others = useQueries({
    queries: (all.data && !complete ? wanted.filter((id) => !names.has(id)) : []).map((id) => ({
      queryKey: oneKey(id),
      queryFn: () => fetchCampaign(id),
      staleTime: fiveMinutes,
    })),
    combine: namesOf,
  });
  const failed = all.isError || (complete && wanted.some((id) => !names.has(id)));
  return useCallback(
    (id: number) => names.get(id) ?? others.get(id) ?? (failed ? `#${id}` : ''),
    [names, others, failed],
  );
}

/** After a campaign was made, changed or deleted. */
export function useRefreshCampaigns(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: campaignsKey }), [queryClient]);
}
