import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { ImportEntity, ImportJob, ImportSettings } from '../../api/imports';
import { applyLanguage } from '../../i18n';
import { letAntdRunInJsdom } from '../../test/antdInJsdom';
import type { Directory } from '../common/useDirectory';
import type { LeadFields } from '../leads/useLeadFields';
import { OptionsStep } from './OptionsStep';

const updateImport = vi.hoisted(() => vi.fn<(id: number, settings: ImportSettings) => Promise<ImportJob>>());
vi.mock(import('../../api/imports'), async (original) => ({ ...(await original()), updateImport }));
vi.mock(import('../common/useDirectory'), async (original) => ({
  ...(await original()),
  useDirectory: () => ({ assignableOptions: [], users: [], teams: [] }) as unknown as Directory,
}));

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(() => {
  cleanup();
  updateImport.mockReset();
});

const fields = {
  all: [],
  get: () => undefined,
  label: (name: string) => name,
  optionLabel: (_: string, value: string) => value,
  options: () => [],
  display: () => '',
} as LeadFields;

function show(entity: ImportEntity) {
  const job = {
    id: 8,
    entity,
    mode: 'create',
    match_on: ['mobile'],
    mapping: { 'Họ và tên': 'full_name' },
    auto_assign: false,
    defaults: { owner_id: null, campaign_id: null, source: null, tags: [] },
  } as unknown as ImportJob;
  updateImport.mockResolvedValue(job);
  const onNext = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <OptionsStep job={job} fields={fields} onBack={() => {}} onNext={onNext} />
      </AntApp>
    </QueryClientProvider>,
  );
  return onNext;
}

test('a leads import offers auto-assignment and sends the choice', async () => {
  const onNext = show('leads');
  fireEvent.click(screen.getByTestId('import-auto-assign'));
  fireEvent.click(screen.getByTestId('import-next'));
  await waitFor(() => expect(onNext).toHaveBeenCalled());
  expect(updateImport.mock.calls[0][1]).toMatchObject({ auto_assign: true });
});

test('a targets import neither offers nor sends auto-assignment (no rule hands targets out)', async () => {
  const onNext = show('targets');
  expect(screen.queryByTestId('import-auto-assign')).toBeNull();
  expect(screen.getByText(/duplicate an existing record/)).toBeTruthy();
  fireEvent.click(screen.getByTestId('import-next'));
  await waitFor(() => expect(onNext).toHaveBeenCalled());
  expect(updateImport.mock.calls[0][1]).not.toHaveProperty('auto_assign');
  expect(updateImport.mock.calls[0][1]).toMatchObject({ mode: 'create', match_on: ['mobile'] });
});
