import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { SmtpInput, SmtpSettings } from '../../api/settings';
import { applyLanguage } from '../../i18n';
import { letAntdRunInJsdom } from '../../test/antdInJsdom';
import { EmailSettingsPage } from './EmailSettingsPage';

const saved = {
  host: 'smtp.truong.edu.vn',
  port: 587,
  security: 'starttls',
  username: 'crm',
  from: 'crm@truong.edu.vn',
  from_name: 'Sen',
  has_password: true,
  password_unreadable: false,
} as SmtpSettings;
const getSmtp = vi.hoisted(() => vi.fn<() => Promise<SmtpSettings>>());
const saveSmtp = vi.hoisted(() => vi.fn<(input: SmtpInput) => Promise<SmtpSettings>>());
vi.mock(import('../../api/settings'), async (original) => ({ ...(await original()), getSmtp, saveSmtp }));

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(cleanup);

/** The page, once it shows the saved settings. */
async function openPage() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <EmailSettingsPage />
      </AntApp>
    </QueryClientProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('smtp-host')).toHaveProperty('value', 'smtp.truong.edu.vn'));
}

// The test message goes through the saved settings: with changes not saved yet, a test that
// passes would vouch for settings that are not the ones on the screen.
test('the test message waits until the settings on the screen are saved', async () => {
  getSmtp.mockResolvedValue(saved);
  await openPage();
  fireEvent.change(screen.getByTestId('smtp-test-to'), { target: { value: 'admin@truong.edu.vn' } });
  expect(screen.getByTestId('smtp-test')).toHaveProperty('disabled', false);
  fireEvent.change(screen.getByTestId('smtp-host'), { target: { value: 'mail.nha-cung-cap.vn' } });
  await waitFor(() => expect(screen.getByTestId('smtp-test')).toHaveProperty('disabled', true));
  expect(screen.getByText('Save the settings first: the test message goes through the saved ones.')).toBeTruthy();
});

// A server that no longer asks for a sign-in (a relay on the school's network) needs the saved
// password gone: an empty box keeps it, so the page offers to remove it.
test('the saved password can be removed', async () => {
  getSmtp.mockResolvedValue(saved);
  saveSmtp.mockResolvedValue({ ...saved, username: '', has_password: false });
  await openPage();
  fireEvent.click(screen.getByTestId('smtp-remove-password'));
  expect(screen.getByText('Removed when you save')).toBeTruthy();
  fireEvent.click(screen.getByTestId('smtp-save'));
  await waitFor(() => expect(saveSmtp).toHaveBeenCalledTimes(1));
  expect(saveSmtp.mock.calls[0][0]).toMatchObject({ host: 'smtp.truong.edu.vn', password: '' });
  await waitFor(() => expect(screen.queryByTestId('smtp-remove-password')).toBeNull());
});
