// Converting between a lead as the API sends it and the values of an antd form.
import dayjs from 'dayjs';
import type { FieldMeta, Lead, LeadInput } from '../../api/types';

export type FormValues = Record<string, unknown>;

export function toFormValues(lead: Lead, fields: FieldMeta[]): FormValues {
  const record = lead as unknown as Record<string, unknown>;
  const values: FormValues = {};
  for (const field of fields) {
    const value = record[field.name];
    values[field.name] =
      (field.type === 'date' || field.type === 'datetime') && typeof value === 'string' ? dayjs(value) : value;
  }
  return values;
}

function toApiValue(field: FieldMeta, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (dayjs.isDayjs(value)) {
    return field.type === 'date' ? value.format('YYYY-MM-DD') : value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return value;
}

const isBlank = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const same = (a: unknown, b: unknown) => (isBlank(a) && isBlank(b)) || JSON.stringify(a) === JSON.stringify(b);

/** Everything filled in, for POST /api/leads. */
export function toCreateInput(values: FormValues, fields: FieldMeta[]): LeadInput {
  const input: LeadInput = {};
  for (const field of fields) {
    const value = toApiValue(field, values[field.name]);
    if (!isBlank(value)) input[field.name] = value;
  }
  return input;
}

/** Only what changed against the lead, for PATCH /api/leads/{id}. */
export function toChanges(values: FormValues, lead: Lead, fields: FieldMeta[]): LeadInput {
  const record = lead as unknown as Record<string, unknown>;
  const changes: LeadInput = {};
  for (const field of fields) {
    if (!(field.name in values)) continue;
    const value = toApiValue(field, values[field.name]);
    if (!same(value, record[field.name])) changes[field.name] = value;
  }
  return changes;
}
