// Showing a failed save: a 422's messages next to the form fields they name (custom.<name> too), a
// taken name under the name box, the rest and any other failure as a toast.
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { TFunction } from 'i18next';
import { ApiError, type ErrorCode, type ErrorDetail } from '../../api/types';

interface Options {
  form: FormInstance;
  message: MessageInstance;
  t: TFunction;
  /** The label of a field the form does not show, for the toast. */
  label?: (field: string) => string;
  /** The form field for an API field name, when they differ (e.g. `set.owner_id` → `owner_id`). */
  formField?: (field: string) => string;
  /** The reason of the 409 that says another record has the name (case and marks aside, e.g.
   *  `list_name_taken`): said under the form's `name` field, naming who has it, as a field error is. */
  nameTaken?: string;
}

type FieldPath = string | (string | number)[];

/**
 * The form's field for an API field name: `name` as it is, or `members.1.user_id` as the path
 * `['members', 1, 'user_id']` of a Form.List row the form holds; undefined when the form has none.
 */
function fieldOnForm(values: Record<string, unknown>, name: string): FieldPath | undefined {
  if (name in values) return name;
  const [list, row, ...rest] = name.split('.');
  const rows = values[list];
  if (!Array.isArray(rows) || !/^\d+$/.test(row ?? '') || rows[Number(row)] === undefined || rest.length === 0) {
    return undefined;
  }
  return [list, Number(row), ...rest];
}

/** A 422's detail in the user's language when its reason is one the interface words. */
export const detailText = (detail: ErrorDetail, t: TFunction) =>
  detail.reason ? t(`fieldErrors.${detail.reason}`, { defaultValue: detail.message }) : detail.message;

const kindText: Partial<Record<ErrorCode, string>> = {
  network_error: 'errors.serverUnreachable',
  server_error: 'errors.serverFailed',
  internal: 'errors.serverFailed',
  unavailable: 'errors.busy',
  forbidden: 'errors.forbiddenChange',
  not_found: 'errors.notFound',
  payload_too_large: 'errors.tooLarge',
  rate_limited: 'errors.rateLimited',
  unauthenticated: 'errors.signedOut',
};

/**
 * What is in the way, worded by its reason (a key under `conflicts.`) with the values it names;
 * the server's English message for no reason or one this interface does not know yet.
 */
export const reasonText = (reason: string | null | undefined, params: object, message: string, t: TFunction) =>
  reason ? t(`conflicts.${reason}`, { ...params, defaultValue: message }) : message;

/**
 * A failed request in words for a toast, in the user's language: failures of a kind (no access,
 * gone, the server down, failing or busy, too large, too many tries), field errors, and a
 * conflict by its reason.
 */
export function errorText(error: Error, t: TFunction): string {
  if (!(error instanceof ApiError)) return error.message;
  const kind = kindText[error.code];
  if (kind) return t(kind);
  if (error.code === 'conflict') return reasonText(error.reason, error.params, error.message, t);
  if (error.code !== 'validation_failed' || error.details.length === 0) return error.message;
  return error.details.map((d) => (d.field ? `${d.field}: ${detailText(d, t)}` : detailText(d, t))).join(' — ');
}

export function showSaveError(
  error: Error,
  { form, message, t, label = (field) => field, formField, nameTaken }: Options,
): void {
  if (error instanceof ApiError && error.code === 'conflict' && nameTaken && error.reason === nameTaken) {
    form.setFields([{ name: 'name', errors: [reasonText(error.reason, error.params, error.message, t)] }]);
    return;
  }
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') {
    void message.error(errorText(error, t));
    return;
  }
  const values = form.getFieldsValue() as Record<string, unknown>;
  const elsewhere: string[] = [];
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const detail of error.details) {
    const text = detailText(detail, t);
    const apiName = detail.field && formField ? formField(detail.field) : detail.field;
    const name = apiName ? fieldOnForm(values, apiName) : undefined;
    if (apiName && name) {
      const field = byField.get(apiName) ?? { name, errors: [] };
      byField.set(apiName, { ...field, errors: [...field.errors, text] });
    } else {
      elsewhere.push(detail.field ? `${label(detail.field)}: ${text}` : text);
    }
  }
  form.setFields([...byField.values()]);
  const first = byField.values().next().value;
  if (first) form.scrollToField(first.name);
  // The server's summary is English: the toast has it only when no detail says more.
  if (elsewhere.length > 0) void message.error(elsewhere.join(' — '));
  else if (byField.size === 0) void message.error(error.message);
}

/** For a form's onValuesChange: a field's server error goes once the user edits it (a list's rows' with it). */
export const clearServerErrors = (form: FormInstance, changed: Record<string, unknown>) =>
  form.setFields(
    form
      .getFieldsError()
      .filter(({ name, errors }) => errors.length > 0 && String(name[0]) in changed)
      .map(({ name }) => ({ name, errors: [] })),
  );
