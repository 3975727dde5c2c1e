// Import endpoints (I1–I8): template, upload, mapping and options, preview, run, result, undo,
// and the saved column mappings (presets).
import { queryString, request } from './client';
import type { MembersAdded } from './targetLists';
import type { Language, Page } from './types';

/** What an import creates: leads, or targets (T5). */
export type ImportEntity = 'leads' | 'targets';
export const importEntities: ImportEntity[] = ['leads', 'targets'];
export type ImportStatus = 'pending' | 'running' | 'done' | 'failed' | 'undoing' | 'undone';
export type ImportMode = 'create' | 'create_update';
/** The fields a row can be matched on to find a duplicate (or, in create_update, the record to update). */
export type MatchField = 'mobile' | 'email' | 'full_name' | 'id';
/** Column header → lead field name (`custom.<name>` too, or `id`); '' ignores the column. */
export type ImportMapping = Record<string, string>;

export interface ImportDefaults {
  owner_id: number | null;
  campaign_id: number | null;
  source: string | null;
  tags: string[];
}

export interface ImportJob {
  id: number;
  entity: ImportEntity;
  filename: string;
  format: 'csv' | 'xlsx';
  sheet: string | null;
  sheets: string[];
  status: ImportStatus;
  columns: string[];
  /** The first data rows (at most 5), cells in the order of `columns`. */
  sample: string[][];
  rows_estimate: number;
  suggested_mapping: ImportMapping;
  mapping: ImportMapping;
  mode: ImportMode;
  match_on: MatchField[];
  defaults: ImportDefaults;
  /** R3: rows left without an owner are given out by the first matching assignment rule (leads only). */
  auto_assign: boolean;
  processed: number;
  total: number;
  created: number;
  updated: number;
  /** Rows that matched a lead and changed nothing in it. */
  unchanged: number;
  duplicate: number;
  error: number;
  /** Why it failed, in English; `failure_reason` says which case, for the page to word. */
  failure: string | null;
  failure_reason: 'restarted' | 'cancelled' | 'inactive_user' | 'expired' | 'file' | 'settings' | 'internal' | null;
  /** Leads it created that taking it back (failure, undo) kept in the trash: someone worked on them. */
  in_trash: number;
  created_by: number | null;
  created_at: string;
  /** Null while it waits in line behind another import (or has yet to run). */
  started_at: string | null;
  finished_at: string | null;
}

/** A PATCH names only the settings it changes; a new sheet brings its own columns and proposed mapping. */
export interface ImportSettings {
  mapping?: ImportMapping;
  mode?: ImportMode;
  match_on?: MatchField[];
  defaults?: ImportDefaults;
  auto_assign?: boolean;
  sheet?: string;
}

export interface ImportProblem {
  /** The row number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  field: string;
  message: string;
  /** The reason key ("invalid_phone", "empty_row"), worded by the page as form errors are. */
  reason: string;
  /** A duplicate's: the row of the file it repeats, or the id of the lead it matches. */
  detail?: string;
}

export interface ImportPreview {
  create: number;
  update: number;
  unchanged: number;
  duplicate: number;
  error: number;
  /** The first 100 rejected rows' problems. */
  problems: ImportProblem[];
  /** The first 100 duplicates the run would skip. */
  duplicates: ImportProblem[];
}

export interface ImportPreset {
  id: number;
  name: string;
  entity: ImportEntity;
  mapping: ImportMapping;
  /** Who saved it: they (or an admin) replace or delete it; others only use it. */
  created_by: number | null;
}

/** A link that downloads the empty template of `entity`, headers in `lang`, required columns coloured. */
export const importTemplateUrl = (entity: ImportEntity, format: 'xlsx' | 'csv', lang: Language) =>
  `/api/imports/template${queryString({ entity, format, lang })}`;

/** A link that downloads the rejected rows, each with its reason. */
export const importErrorsUrl = (id: number) => `/api/imports/${id}/errors.csv`;

export function uploadImport(file: File, entity: ImportEntity): Promise<ImportJob> {
  const body = new FormData();
  body.append('entity', entity);
  body.append('file', file);
  return request<ImportJob>('POST', '/api/imports', body);
}

export const fetchImport = (id: number) => request<ImportJob>('GET', `/api/imports/${id}`);

export const listImports = (page: number, pageSize: number) =>
  request<Page<ImportJob>>('GET', `/api/imports${queryString({ page, page_size: pageSize })}`);

export const updateImport = (id: number, settings: ImportSettings) =>
  request<ImportJob>('PATCH', `/api/imports/${id}`, settings);

export const previewImport = (id: number) => request<ImportPreview>('POST', `/api/imports/${id}/preview`);

export const runImport = (id: number) => request<ImportJob>('POST', `/api/imports/${id}/run`);

export const undoImport = (id: number) => request<ImportJob>('POST', `/api/imports/${id}/undo`);

/** Adds to a target list every lead a done import created or updated that still exists (K2); not for targets. */
export const addImportToTargetList = (id: number, targetListId: number) =>
  request<MembersAdded>('POST', `/api/imports/${id}/add-to-list`, { target_list_id: targetListId });

export const listImportPresets = (entity: ImportEntity) =>
  request<{ items: ImportPreset[] }>('GET', `/api/import-presets${queryString({ entity })}`);

export const createImportPreset = (entity: ImportEntity, name: string, mapping: ImportMapping) =>
  request<ImportPreset>('POST', '/api/import-presets', { name, entity, mapping });

export const deleteImportPreset = (id: number) => request<void>('DELETE', `/api/import-presets/${id}`);
