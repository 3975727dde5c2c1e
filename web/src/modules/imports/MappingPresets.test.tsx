import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { User } from '../../api/types';
import { applyLanguage } from '../../i18n';
import { letAntdRunInJsdom } from '../../test/antdInJsdom';
import { MappingPresets } from './MappingPresets';

vi.mock(import('../auth/AuthProvider'), async (original) => ({
  ...(await original()),
  useCurrentUser: () => ({ id: 7, role: 'manager' }) as User,
}));
vi.mock(import('../../api/imports'), async (original) => ({
  ...(await original()),
  listImportPresets: async () => ({
    items: [
      { id: 1, name: 'Hội chợ', entity: 'leads' as const, mapping: { SĐT: 'mobile' }, created_by: 2 },
      { id: 2, name: 'Của tôi', entity: 'leads' as const, mapping: { SĐT: 'mobile' }, created_by: 7 },
    ],
  }),
}));

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(cleanup);

// A preset is its maker's: another importer applies it but neither deletes nor replaces it.
test("someone else's preset can be used, not deleted or saved over", async () => {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <MappingPresets entity="leads" mapping={{}} onApply={vi.fn()} />
      </AntApp>
    </QueryClientProvider>,
  );
  fireEvent.mouseDown(screen.getByRole('combobox'));
  fireEvent.click(await screen.findByTitle('Hội chợ'));
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete this mapping' })).toBeNull());
  fireEvent.mouseDown(screen.getByRole('combobox'));
  fireEvent.click(await screen.findByTitle('Của tôi'));
  expect(await screen.findByRole('button', { name: 'Delete this mapping' })).toBeTruthy();

  fireEvent.click(screen.getByTestId('import-preset-save'));
  fireEvent.change(await screen.findByTestId('import-preset-name'), { target: { value: 'Hội chợ' } });
  await waitFor(() => expect(screen.getByTestId('save-named-replaces').textContent).toMatch(/someone else/));
  fireEvent.change(screen.getByTestId('import-preset-name'), { target: { value: 'Của tôi' } });
  await waitFor(() => expect(screen.getByTestId('save-named-replaces').textContent).not.toMatch(/someone else/));
}, 20_000);
