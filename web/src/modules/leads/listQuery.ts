// The leads list's state lives in the URL query string, in the API's own parameter names,
// so that reload, back and a shared link show the same list.
import type { QueryParams } from '../../api/client';

export const filterKeys = ['q', 'status', 'stage', 'owner_id', 'source', 'created_from', 'created_to'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const defaultSort = '-created_at';
export const defaultPageSize = 50;

export interface ListQuery {
  filters: Filters;
  page: number;
  pageSize: number;
  sort: string;
}

const positive = (text: string | null, fallback: number) => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export function readListQuery(search: URLSearchParams): ListQuery {
  const filters: Filters = {};
  for (const key of filterKeys) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  return {
    filters,
    page: positive(search.get('page'), 1),
    pageSize: positive(search.get('page_size'), defaultPageSize),
    sort: search.get('sort') || defaultSort,
  };
}

export function toApiParams({ filters, page, pageSize, sort }: ListQuery): QueryParams {
  return { ...filters, page, page_size: pageSize, sort };
}

/** The query string for a changed list; unset or default values are left out. */
export function writeListQuery({ filters, page, pageSize, sort }: ListQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (page !== 1) search.set('page', String(page));
  if (pageSize !== defaultPageSize) search.set('page_size', String(pageSize));
  if (sort !== defaultSort) search.set('sort', sort);
  return search;
}
