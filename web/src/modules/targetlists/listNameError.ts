// A list's name is taken when another list has it ignoring case and Vietnamese marks ("Hoi cho"
// and "Hội chợ" are one name): the server's 409 names the list that has it, said under the name
// box as a field error is.
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/types';
import { showSaveError } from '../common/apiErrors';

interface Options {
  form: FormInstance;
  message: MessageInstance;
  t: TFunction;
}

/** Shows a failed save of a list: the taken name on the name field, the rest as `showSaveError` does. */
export function showListSaveError(error: Error, { form, message, t }: Options): void {
  if (error instanceof ApiError && error.code === 'conflict' && error.reason === 'list_name_taken') {
    form.setFields([{ name: 'name', errors: [t('conflicts.list_name_taken', { name: error.params.name })] }]);
    return;
  }
  showSaveError(error, { form, message, t });
}
