import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { TFunction } from 'i18next';
import { expect, test, vi } from 'vitest';
import { ApiError } from '../../api/types';
import { errorText, showSaveError } from './apiErrors';

const t = ((key: string, options?: { defaultValue?: string }) => options?.defaultValue ?? key) as unknown as TFunction;

function fakeForm(values: Record<string, unknown>) {
  const setFields = vi.fn();
  const form = { getFieldsValue: () => values, setFields, scrollToField: vi.fn() } as unknown as FormInstance;
  return { form, setFields };
}

test("a member row's error goes next to that row's field, not to a toast", () => {
  const { form, setFields } = fakeForm({ name: 'Chia lead', members: [{ user_id: 3 }, { user_id: 3 }] });
  const error = vi.fn();
  const message = { error } as unknown as MessageInstance;
  showSaveError(
    new ApiError(422, 'validation_failed', 'invalid input', [
      { field: 'members.1.user_id', message: 'is already a member of this rule' },
      { field: 'name', message: 'is required' },
    ]),
    { form, message, t },
  );
  expect(setFields).toHaveBeenCalledWith([
    { name: ['members', 1, 'user_id'], errors: ['is already a member of this rule'] },
    { name: 'name', errors: ['is required'] },
  ]);
  expect(error).not.toHaveBeenCalled();
});

test('a detail naming a row the form does not have goes to the toast', () => {
  const { form, setFields } = fakeForm({ members: [{ user_id: 3 }] });
  const error = vi.fn();
  showSaveError(
    new ApiError(422, 'validation_failed', 'invalid input', [{ field: 'members.4.user_id', message: 'is not a user' }]),
    { form, message: { error } as unknown as MessageInstance, t },
  );
  expect(setFields).toHaveBeenCalledWith([]);
  expect(error).toHaveBeenCalledWith('members.4.user_id: is not a user');
});

test("a toast words a failure's kind in the user's language", () => {
  const words = ((key: string) => `«${key}»`) as unknown as TFunction;
  expect(errorText(new ApiError(0, 'network_error', 'Failed to fetch'), words)).toBe('«errors.serverUnreachable»');
  expect(errorText(new ApiError(500, 'internal', 'boom'), words)).toBe('«errors.serverFailed»');
  expect(errorText(new ApiError(503, 'unavailable', 'busy'), words)).toBe('«errors.busy»');
  expect(errorText(new ApiError(403, 'forbidden', 'only admins manage users'), words)).toBe('«errors.forbiddenChange»');
  expect(errorText(new ApiError(404, 'not_found', 'no lead has id 5'), words)).toBe('«errors.notFound»');
  expect(errorText(new ApiError(413, 'payload_too_large', 'too big'), words)).toBe('«errors.tooLarge»');
  expect(errorText(new ApiError(429, 'rate_limited', 'slow down'), words)).toBe('«errors.rateLimited»');
  expect(errorText(new ApiError(409, 'conflict', 'job 3 is running already'), words)).toBe('job 3 is running already');
  expect(
    errorText(
      new ApiError(422, 'validation_failed', 'invalid input', [
        { field: 'mobile', message: 'is not a phone number', reason: 'invalid_phone' },
        { field: 'rule_id', message: 'goes with queue_assignment' },
      ]),
      words,
    ),
  ).toBe('mobile: «fieldErrors.invalid_phone» — rule_id: goes with queue_assignment');
  expect(errorText(new Error('plain'), words)).toBe('plain');
});

test('a conflict is worded by its reason with the values it names, else by the server', () => {
  const words = ((key: string, options: { defaultValue: string; username?: string }) =>
    key === 'conflicts.username_taken' ? `«${options.username} đã có người dùng»` : options.defaultValue) as TFunction;
  const params = { username: 'lan' };
  const taken = new ApiError(409, 'conflict', 'the username lan is taken', [], [], 'username_taken', params);
  expect(errorText(taken, words)).toBe('«lan đã có người dùng»');
  const unknown = new ApiError(409, 'conflict', 'something new is in the way', [], [], 'newer_reason');
  expect(errorText(unknown, words)).toBe('something new is in the way');
});
