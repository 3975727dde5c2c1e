// Showing a failed save: a 422's messages next to the form fields they name (custom.<name> too),
// the rest and any other failure as a toast.
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/types';

interface Options {
  form: FormInstance;
  message: MessageInstance;
  t: TFunction;
  /** The label of a field the form does not show, for the toast. */
  label?: (field: string) => string;
  /** The form field for an API field name, when they differ (e.g. `set.owner_id` → `owner_id`). */
  formField?: (field: string) => string;
}

export function showSaveError(error: Error, { form, message, t, label = (field) => field, formField }: Options): void {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') {
    void message.error(error instanceof ApiError && error.status === 403 ? t('errors.forbiddenChange') : error.message);
    return;
  }
  const onForm = new Set(Object.keys(form.getFieldsValue()));
  const elsewhere: string[] = [];
  const byField = new Map<string, string[]>();
  for (const detail of error.details) {
    const text = detail.reason ? t(`fieldErrors.${detail.reason}`, { defaultValue: detail.message }) : detail.message;
    const name = detail.field && formField ? formField(detail.field) : detail.field;
    if (name && onForm.has(name)) {
      byField.set(name, [...(byField.get(name) ?? []), text]);
    } else {
      elsewhere.push(detail.field ? `${label(detail.field)}: ${text}` : text);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size > 0) form.scrollToField(byField.keys().next().value as string);
  // The server's summary is English: the toast has it only when no detail says more.
  if (elsewhere.length > 0) void message.error(elsewhere.join(' — '));
  else if (byField.size === 0) void message.error(error.message);
}

/** For a form's onValuesChange: a field's server error goes once the user edits it. */
export const clearServerErrors = (form: FormInstance, changed: Record<string, unknown>) =>
  form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
