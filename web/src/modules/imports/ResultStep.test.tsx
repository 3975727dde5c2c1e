import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { ImportJob, ImportStatus } from '../../api/imports';
import { applyLanguage } from '../../i18n';
import { ResultStep } from './ResultStep';

const undoImport = vi.hoisted(() => vi.fn<(id: number) => Promise<ImportJob>>());
vi.mock(import('../../api/imports'), async (original) => ({ ...(await original()), undoImport }));

beforeAll(() => {
  applyLanguage('en');
  // Ant Design's popups ask for these; jsdom has none.
  window.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList;
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(() => {
  cleanup();
  undoImport.mockReset();
});

const done = { id: 4, status: 'done', processed: 3, total: 3, created: 3, updated: 0, duplicate: 0, error: 0,
  in_trash: 0, failure: null, failure_reason: null } as unknown as ImportJob;

async function undoAnswering(status: ImportStatus) {
  undoImport.mockResolvedValue({ ...done, status });
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <AntApp>
          <ResultStep job={done} onAgain={() => {}} />
        </AntApp>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  fireEvent.click(screen.getByTestId('import-undo'));
  // The confirmation's own "Undo" comes after the page's.
  await waitFor(() => expect(screen.getAllByRole('button', { name: /Undo/ })).toHaveLength(2));
  fireEvent.click(screen.getAllByRole('button', { name: /Undo/ })[1]);
  await waitFor(() => expect(undoImport).toHaveBeenCalledWith(4));
  // The answer is stored (the wizard's view follows it) before any toast.
  await waitFor(() => expect(client.getQueryData(['imports', 'one', 4])).toMatchObject({ status }));
}

test('an undo that ended says so', async () => {
  await undoAnswering('undone');
  expect(await screen.findByText('The import was undone.')).toBeTruthy();
});

test('an undo going on in the background does not claim to be over', async () => {
  await undoAnswering('undoing');
  await new Promise((resolve) => setTimeout(resolve, 100));  // a toast would be up by now
  expect(screen.queryByText('The import was undone.')).toBeNull();
});
