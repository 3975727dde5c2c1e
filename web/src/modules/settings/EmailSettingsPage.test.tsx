import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { SmtpSettings } from '../../api/settings';
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
vi.mock(import('../../api/settings'), async (original) => ({ ...(await original()), getSmtp }));

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(cleanup);

// The test message goes through the saved settings: with changes not saved yet, a test that
// passes would vouch for settings that are not the ones on the screen.
test('the test message waits until the settings on the screen are saved', async () => {
  getSmtp.mockResolvedValue(saved);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <EmailSettingsPage />
      </AntApp>
    </QueryClientProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('smtp-host')).toHaveProperty('value', 'smtp.truong.edu.vn'));
  fireEvent.change(screen.getByTestId('smtp-test-to'), { target: { value: 'admin@truong.edu.vn' } });
  expect(screen.getByTestId('smtp-test')).toHaveProperty('disabled', false);
  fireEvent.change(screen.getByTestId('smtp-host'), { target: { value: 'mail.nha-cung-cap.vn' } });
  await waitFor(() => expect(screen.getByTestId('smtp-test')).toHaveProperty('disabled', true));
  expect(screen.getByText('Save the settings first: the test message goes through the saved ones.')).toBeTruthy();
});
