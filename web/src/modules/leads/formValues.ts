// Converting between a lead (or a target) as the API sends it and the values of an antd form. Custom fields
// (A1) are form fields named `custom.<name>`; the API keeps them in the lead's `custom` object.
import dayjs from 'dayjs';
import type { ContactRecord, FieldMeta, LeadInput } from '../../api/types';

export type FormValues = Record<string, unknown>;

/** What splits typed tags, as a file's cell is split on import: no tag holds one (the API refuses it). */
export const tagSeparators = [',', ';', '|'];

const customPrefix = 'custom.';

/** The custom field's own name, or null for a field of the lead itself. */
export const customName = (name: string) => (name.startsWith(customPrefix) ? name.slice(customPrefix.length) : null);

/** The value of any registry field on a lead or a target, custom ones included. */
export function leadValue(lead: ContactRecord, name: string): unknown {
  const custom = customName(name);
  if (custom !== null) return lead.custom?.[custom] ?? null;
  return (lead as unknown as Record<string, unknown>)[name];
}

export function toFormValues(lead: ContactRecord, fields: FieldMeta[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = leadValue(lead, field.name);
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

/** Puts a value under its name, or under `custom` for a custom field. */
function assign(input: LeadInput, name: string, value: unknown): void {
  const custom = customName(name);
  if (custom === null) {
    input[name] = value;
    return;
  }
  input.custom = { ...(input.custom as Record<string, unknown> | undefined), [custom]: value };
}

/** Everything filled in, for POST /api/leads. */
export function toCreateInput(values: FormValues, fields: FieldMeta[]): LeadInput {
  const input: LeadInput = {};
  for (const field of fields) {
    const value = toApiValue(field, values[field.name]);
    if (!isBlank(value)) assign(input, field.name, value);
  }
  return input;
}

/** Only what changed against the record, for PATCH /api/leads/{id} or /api/targets/{id} (custom keys
 * merge; null removes). */
export function toChanges(values: FormValues, lead: ContactRecord, fields: FieldMeta[]): LeadInput {
  const changes: LeadInput = {};
  for (const field of fields) {
    if (!(field.name in values)) continue;
    const value = toApiValue(field, values[field.name]);
    if (same(value, leadValue(lead, field.name))) continue;
    // An emptied custom field is removed rather than kept as an empty value.
    assign(changes, field.name, customName(field.name) !== null && isBlank(value) ? null : value);
  }
  return changes;
}
