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
  /** R1: OFF agents get no new leads. */
  online: boolean;
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
  /** Set when a search matched more than the server counts: `total` is then a lower bound. */
  total_capped?: boolean;
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
  | 'number'
  | 'tags'
  | 'boolean'
  | 'multi_enum'
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
  /** A custom field (A1), named `custom.<name>`; its value lives in the record's `custom` object. */
  custom?: boolean;
}

/** A record type's field registry: GET /api/meta/leads, /api/meta/calls. */
export interface FieldRegistryMeta {
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

export type TargetStatus = 'raw' | 'wait_for_deliver' | 'transferred' | 'invalid';

/** T1–T5: a prospect not yet verified by a call; the same contact fields as a lead, no stage. */
export interface Target extends Omit<Lead, 'status' | 'stage' | 'stage_info'> {
  status: TargetStatus;
  /** The lead it was converted into (T3). */
  lead_id: number | null;
}

/** A record calls and notes hang on: a lead or a target. */
export type ParentType = 'lead' | 'target';

/** A lead or a target: the records with contact fields, a status, an owner and custom fields. */
export type ContactRecord = Lead | Target;

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

/** The list's query parameters as the API names them, e.g. `{"status": "new,assigned", "owner_id": "me"}`. */
export type LeadFilter = Record<string, string>;

export interface MassUpdateSet {
  owner_id?: number | null;
  status?: LeadStatus | TargetStatus;
  stage?: LeadStage;
  campaign_id?: number | null;
  source?: string | null;
  tags?: string[];
  add_tags?: string[];
  remove_tags?: string[];
  do_not_contact?: boolean;
  dnc_reason?: string;
}

export interface MassUpdateRequest {
  ids?: number[];
  filter?: LeadFilter;
  set?: MassUpdateSet;
  /** delete; unassign: each owned lead goes to another member of its rule (R4);
   *  queue_assignment: the leads wait for the auto-assign job of rule_id (R5). */
  action?: 'delete' | 'unassign' | 'queue_assignment';
  rule_id?: number;
  dry_run?: boolean;
}

export interface MassUpdateResult {
  matched: number;
  updated: number;
  dry_run: boolean;
}

export type CallDirection = 'outbound' | 'inbound';
export type CallStatus = 'scheduled' | 'completed' | 'cancelled';
export type CallResult =
  | 'interested'
  | 'not_interested'
  | 'deny'
  | 'call_back_later'
  | 'invalid_number'
  | 'wrong_person';

export interface Call {
  id: number;
  parent_type: ParentType;
  parent_id: number;
  parent_name: string | null;
  subject: string;
  direction: CallDirection;
  status: CallStatus;
  result: CallResult | null;
  start_at: string;
  duration_s: number | null;
  description: string | null;
  remind_popup_min: number | null;
  remind_email_min: number | null;
  owner_id: number | null;
  owner_name: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CallInput {
  parent_type?: ParentType;
  parent_id?: number;
  subject?: string;
  direction?: CallDirection;
  status?: CallStatus;
  result?: CallResult | null;
  start_at?: string;
  duration_s?: number | null;
  description?: string | null;
  remind_popup_min?: number | null;
  remind_email_min?: number | null;
  /** Calling a do-not-contact lead needs this, after the user has seen the reason (L12). */
  confirm_do_not_contact?: boolean;
}

/** A saved call; on a lead, the status change that it caused by rule C3; on a target, by T2. */
export interface SavedCall extends Call {
  lead_status_changed?: { from: LeadStatus; to: LeadStatus } | null;
  target_status_changed?: { from: TargetStatus; to: TargetStatus } | null;
}

export interface Note {
  id: number;
  parent_type: ParentType;
  parent_id: number;
  body: string;
  created_by: number;
  author_name: string | null;
  created_at: string;
  updated_at: string;
}

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

interface TimelineEntry {
  id: number;
  user: { id: number; full_name: string } | null;
  at: string;
}

export interface AuditItem extends TimelineEntry {
  kind: 'audit';
  action: AuditAction;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  via: 'ui' | 'api' | 'import' | 'rule' | 'cli';
}

export interface CallItem extends TimelineEntry {
  kind: 'call';
  call: Call;
}

export interface NoteItem extends TimelineEntry {
  kind: 'note';
  note: Note;
}

export type AssignmentReason =
  | 'created'
  | 'rule'
  | 'changed'
  | 'unassign'
  | 'reassign'
  | 'import'
  | 'mass_update'
  | 'queue';

/** R7: one change of a lead's owner. */
export interface Assignment {
  id: number;
  lead_id: number;
  from: { id: number; full_name: string | null } | null;
  to: { id: number; full_name: string | null } | null;
  by: { id: number; full_name: string | null } | null;
  rule: { id: number; name: string | null } | null;
  reason: AssignmentReason;
  at: string;
}

export interface AssignmentItem extends TimelineEntry {
  kind: 'assignment';
  assignment: Assignment;
}

export type TimelineItem = AuditItem | CallItem | NoteItem | AssignmentItem;

export type AssignmentMethod = 'round_robin' | 'least_loaded' | 'weighted';

export interface RuleMember {
  user_id: number;
  weight: number;
  daily_cap: number | null;
  full_name?: string;
  online?: boolean;
  taken_today?: number;
}

/** R2: which leads a rule takes, who gets them and how. */
export interface AssignmentRule {
  id: number;
  name: string;
  active: boolean;
  campaign_id: number | null;
  source: string | null;
  method: AssignmentMethod;
  creator_priority: boolean;
  members: RuleMember[];
  /** Leads waiting in the rule's queue for its auto-assign job (R5). */
  queued: number;
  created_at: string;
  updated_at: string;
}

export type AssignmentRuleInput = Omit<AssignmentRule, 'id' | 'created_at' | 'updated_at' | 'members' | 'queued'> & {
  members: Pick<RuleMember, 'user_id' | 'weight' | 'daily_cap'>[];
};

export type JobType = 'auto_assign' | 'reminders' | 'stalled_alert';

/** R6: a scheduled job; last_result is what its last run reported. */
export interface Job {
  id: number;
  name: string;
  type: JobType;
  active: boolean;
  interval_min: number;
  starts_at: string;
  ends_at: string | null;
  rule_id: number | null;
  batch_size: number | null;
  /** stalled_alert: days without activity that make a lead stalled. */
  days: number | null;
  next_run_at: string;
  last_run_at: string | null;
  last_status: 'ok' | 'failed' | null;
  /** auto_assign: assigned, left; reminders: popup, email, failed; stalled_alert: owners, leads,
   * email, email_failed, email_error (with email_error_info); or error, with the failure's reason
   * and the values its wording names (as an ApiError's). */
  last_result: {
    assigned?: number;
    left?: number;
    popup?: number;
    email?: number;
    failed?: number;
    owners?: number;
    leads?: number;
    email_failed?: number;
    email_error?: string;
    /** email_error's reason and the values its wording names. */
    email_error_info?: { reason?: string; [param: string]: unknown };
    error?: string;
    reason?: string;
    [param: string]: unknown;
  } | null;
  running: boolean;
  created_at: string;
  updated_at: string;
}

export type JobInput = Pick<Job, 'name' | 'type' | 'active' | 'interval_min' | 'starts_at' | 'ends_at' | 'rule_id' | 'batch_size' | 'days'>;

export type CustomFieldType = 'text' | 'number' | 'date' | 'select' | 'multi_select' | 'boolean';

export interface CustomField {
  id: number;
  entity: 'leads';
  name: string;
  type: CustomFieldType;
  label: LocalizedText;
  options: FieldOption[];
  required: boolean;
  active: boolean;
  position: number;
}

export interface NewCustomField {
  entity: 'leads';
  name: string;
  type: CustomFieldType;
  label: LocalizedText;
  options?: FieldOption[];
  required?: boolean;
}

export type CustomFieldChanges = Partial<Pick<CustomField, 'label' | 'options' | 'required' | 'active' | 'position'>>;

export interface SavedView {
  id: number;
  entity: 'leads';
  name: string;
  filter: LeadFilter;
  columns: string[] | null;
  sort: string | null;
  shared: boolean;
  owner_id: number;
  owner_name: string | null;
  mine: boolean;
}

export interface NewSavedView {
  entity: 'leads';
  name: string;
  filter: LeadFilter;
  columns?: string[] | null;
  sort?: string | null;
  shared: boolean;
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
  | 'unavailable'
  | 'internal'
  | 'network_error'
  | 'server_error';

/** A failed request: the server's `{error:{code,message,details}}`, or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly duplicates: DuplicateMatch[];
  /** Why a conflict happened, e.g. `do_not_contact`: the key of its wording under `conflicts.`. */
  readonly reason: string | null;
  /** The values a conflict's wording names, e.g. `username` or `dnc_reason`. */
  readonly params: Record<string, unknown>;

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    details: ErrorDetail[] = [],
    duplicates: DuplicateMatch[] = [],
    reason: string | null = null,
    params: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.duplicates = duplicates;
    this.reason = reason;
    this.params = params;
  }
}
