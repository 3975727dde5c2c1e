// Custom fields of leads (A1): everyone reads them, admins define them.
import { request } from './client';
import type { CustomField, CustomFieldChanges, NewCustomField } from './types';

export const listCustomFields = () =>
  request<{ items: CustomField[] }>('GET', '/api/custom-fields?entity=leads');

export const createCustomField = (field: NewCustomField) => request<CustomField>('POST', '/api/custom-fields', field);

export const updateCustomField = (id: number, changes: CustomFieldChanges) =>
  request<CustomField>('PATCH', `/api/custom-fields/${id}`, changes);
