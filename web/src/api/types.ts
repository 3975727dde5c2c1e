// Shapes of the Sen HTTP API (see shared API.md); the server is the source of truth.

export type Language = 'vi' | 'en';
export type Role = 'admin' | 'manager' | 'marketer' | 'agent';

export interface User {
  id: number;
  username: string;
  full_name: string;
  email: string | null;
  role: Role;
  team_id: number | null;
  language: Language;
  active: boolean;
}

export interface Team {
  id: number;
  name: string;
}

export interface Session {
  user: User;
  csrf_token: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export type LocalizedText = Record<Language, string>;

export type FieldType =
  | 'text'
  | 'long_text'
  | 'phone'
  | 'email'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'user'
  | 'team'
  | 'integer'
  | 'tags'
  | 'boolean'
  | 'json';

export interface FieldOption {
  value: string;
  label: LocalizedText;
}

export interface FieldMeta {
  name: string;
  type: FieldType;
  label: LocalizedText;
  required: boolean;
  read_only: boolean;
  max_length?: number | null;
  quick_add: boolean;
  sortable: boolean;
  filterable: boolean;
  options?: FieldOption[];
}

export interface LeadMeta {
  fields: FieldMeta[];
}

export type LeadStatus = 'new' | 'assigned' | 'in_process' | 'converted' | 'recycled' | 'dead';
export type LeadStage = 'lead' | 'mql' | 'sal' | 'sql' | 'customer';

export interface Lead {
  id: number;
  full_name: string;
  mobile: string | null;
  mobile_e164: string | null;
  phone: string | null;
  phone_e164: string | null;
  email: string | null;
  company: string | null;
  title: string | null;
  gender: 'male' | 'female' | 'other' | null;
  birthday: string | null;
  address: string | null;
  province: string | null;
  source: string | null;
  medium: string | null;
  campaign_id: number | null;
  product_interest: string | null;
  tags: string[];
  owner_id: number | null;
  team_id: number | null;
  status: LeadStatus;
  stage: LeadStage;
  stage_info: Record<string, unknown> | null;
  do_not_contact: boolean;
  dnc_reason: string | null;
  description: string | null;
  custom: Record<string, unknown> | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  last_activity_at: string | null;
  deleted_at: string | null;
}

/** What the create and edit forms send: any writable lead field. */
export type LeadInput = Record<string, unknown>;

export interface DuplicateMatch {
  type: string;
  id: number;
  full_name: string;
  mobile: string | null;
  email: string | null;
  owner_id: number | null;
  matched_on: string[];
}

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

export interface TimelineItem {
  id: number;
  kind: 'audit';
  action: AuditAction;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  user: { id: number; full_name: string } | null;
  via: 'ui' | 'api' | 'import' | 'rule' | 'cli';
  at: string;
}

export interface ErrorDetail {
  field?: string;
  message: string;
  reason?: string;
}

export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'validation_failed'
  | 'duplicate'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'bad_request'
  | 'network_error'
  | 'server_error';

/** A failed request: the server's `{error:{code,message,details}}`, or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly duplicates: DuplicateMatch[];

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    details: ErrorDetail[] = [],
    duplicates: DuplicateMatch[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.duplicates = duplicates;
  }
}
