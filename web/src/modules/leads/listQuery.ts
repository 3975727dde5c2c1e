// The leads list's state lives in the URL query string, in the API's own parameter names,
// so that reload, back and a shared link show the same list.
import type { TablePaginationConfig } from 'antd';
import type { SorterResult, TableCurrentDataSource } from 'antd/es/table/interface';
import type { QueryParams } from '../../api/client';
import type { LeadFilter } from '../../api/types';

export const filterKeys = [
  'q',
  'status',
  'stage',
  'owner_id',
  'team_id',
  'source',
  'medium',
  'campaign_id',
  'tag',
  'province',
  'created_from',
  'created_to',
  'last_activity_from',
  'last_activity_to',
  'do_not_contact',
  'queued_rule_id',
  'target_list_id',
  'stalled_days',
] as const;

/** Filter parameters by name: those of `filterKeys` and `custom.<name>` for custom fields. */
export type Filters = Record<string, string | undefined>;

const isFilterKey = (key: string) => (filterKeys as readonly string[]).includes(key) || key.startsWith('custom.');

export const defaultSort = '-created_at';
export const defaultPageSize = 50;

export interface ListQuery {
  filters: Filters;
  /** The saved view in use; its filter applies under the explicit ones (as on the server). */
  viewId?: string;
  page: number;
  pageSize: number;
  sort: string;
}

const positive = (text: string | null, fallback: number) => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** Only the filters that are set, as the API's string map (saved views, mass update). */
export function setFilters(filters: Filters): LeadFilter {
  const set: LeadFilter = {};
  for (const [key, value] of Object.entries(filters)) if (value) set[key] = value;
  return set;
}

export function readListQuery(search: URLSearchParams): ListQuery {
  const filters: Filters = {};
  for (const [key, value] of search) if (value && isFilterKey(key)) filters[key] = value;
  return {
    filters,
    viewId: search.get('view_id') || undefined,
    page: positive(search.get('page'), 1),
    pageSize: positive(search.get('page_size'), defaultPageSize),
    sort: search.get('sort') || defaultSort,
  };
}

/** The list's query parameters without paging and sorting: what a mass update "by filter" sends. */
export function toFilterParams({ filters, viewId }: ListQuery): LeadFilter {
  return { ...setFilters(filters), ...(viewId ? { view_id: viewId } : {}) };
}

export function toApiParams(query: ListQuery): QueryParams {
  return { ...toFilterParams(query), page: query.page, page_size: query.pageSize, sort: query.sort };
}

/** The query string for a changed list; unset or default values are left out. */
export function writeListQuery({ filters, viewId, page, pageSize, sort }: ListQuery): URLSearchParams {
  const search = new URLSearchParams(setFilters(filters));
  if (viewId) search.set('view_id', viewId);
  if (page !== 1) search.set('page', String(page));
  if (pageSize !== defaultPageSize) search.set('page_size', String(pageSize));
  if (sort !== defaultSort) search.set('sort', sort);
  return search;
}

/** The list a table's change asks for: another sort (from the first page), or another page or page size. */
export function changedByTable<T>(
  query: ListQuery,
  pagination: TablePaginationConfig,
  sorter: SorterResult<T> | SorterResult<T>[],
  { action }: TableCurrentDataSource<T>,
): ListQuery {
  if (action === 'sort') {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = single?.order ? `${single.order === 'descend' ? '-' : ''}${String(single.columnKey)}` : defaultSort;
    return { ...query, sort, page: 1 };
  }
  return { ...query, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize };
}
