import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { ImportJob, ImportStatus } from '../../api/imports';
import type { MembersAdded, TargetList, TargetListInput } from '../../api/targetLists';
import { ApiError } from '../../api/types';
import { applyLanguage } from '../../i18n';
import { letAntdRunInJsdom } from '../../test/antdInJsdom';
import { ResultStep } from './ResultStep';

const undoImport = vi.hoisted(() => vi.fn<(id: number) => Promise<ImportJob>>());
const addImportToTargetList = vi.hoisted(() =>
  vi.fn<(id: number, targetListId: number) => Promise<MembersAdded>>(),
);
vi.mock(import('../../api/imports'), async (original) => ({
  ...(await original()),
  undoImport,
  addImportToTargetList,
}));
vi.mock(import('../../api/targetLists'), async (original) => ({
  ...(await original()),
  listTargetLists: async () => ({ items: [], total: 0, page: 1, page_size: 50 }),
  createTargetList: async ({ name }: TargetListInput) =>
    ({ id: 12, name, description: null, members: 0, mine: true }) as TargetList,
}));

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(() => {
  cleanup();
  undoImport.mockReset();
  addImportToTargetList.mockReset();
});

const done = {
  id: 4,
  entity: 'leads',
  status: 'done',
  processed: 3,
  total: 3,
  created: 3,
  updated: 0,
  unchanged: 0,
  duplicate: 0,
  error: 0,
  in_trash: 0,
  failure: null,
  failure_reason: null,
} as unknown as ImportJob;

function showResult(job: ImportJob): QueryClient {
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <AntApp>
          <ResultStep job={job} onAgain={() => {}} />
        </AntApp>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return client;
}

async function undoAnswering(status: ImportStatus) {
  undoImport.mockResolvedValue({ ...done, status });
  const client = showResult(done);
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

test('an import stopped and being taken back says so, not how far it got', () => {
  showResult({ ...done, status: 'running', processed: 1, failure_reason: 'cancelled' });
  expect(screen.getByTestId('import-taking-back')).toBeTruthy();
  expect(screen.getByText('The import stopped: taking back what it wrote…')).toBeTruthy();
  expect(screen.getByText(/stopped from the command line/)).toBeTruthy();
  expect(screen.queryByTestId('import-progress')).toBeNull();
});

test('an undo refused because another tab undid it first reads the import again', async () => {
  undoImport.mockRejectedValue(
    new ApiError(409, 'conflict', 'only a done import can be undone', [], [], 'import_not_done'),
  );
  const client = showResult(done);
  client.setQueryData(['imports', 'one', 4], done);
  fireEvent.click(screen.getByTestId('import-undo'));
  await waitFor(() => expect(screen.getAllByRole('button', { name: /Undo/ })).toHaveLength(2));
  fireEvent.click(screen.getAllByRole('button', { name: /Undo/ })[1]);
  await waitFor(() => expect(client.getQueryState(['imports', 'one', 4])?.isInvalidated).toBe(true));
});

test('an import queued behind another says it waits, then how far it is', () => {
  const queued = { ...done, status: 'running', processed: 0, started_at: null } as ImportJob;
  showResult(queued);
  expect(screen.getByTestId('import-progress-text').textContent).toBe(
    'Waiting for the import started before it to finish.',
  );
  cleanup();
  showResult({ ...queued, processed: 2, started_at: '2026-12-02T03:00:00Z' });
  expect(screen.getByTestId('import-progress-text').textContent).toBe('2 of 3 rows processed');
});

test('rows that matched and changed nothing are said under the updated count, not in it', () => {
  showResult({ ...done, created: 0, updated: 1, unchanged: 1250 });
  expect(screen.getByTestId('import-count-updated').textContent).toContain('1');
  expect(screen.getByTestId('import-count-unchanged').textContent).toBe('1,250 matched and changed nothing');
  cleanup();
  showResult(done);
  expect(screen.queryByTestId('import-count-unchanged')).toBeNull();
});

test('the rejected rows can be downloaded when rows were skipped as duplicates, even with no error', () => {
  showResult({ ...done, created: 1, duplicate: 2 });
  expect(screen.getByTestId('import-errors').getAttribute('href')).toBe('/api/imports/4/errors.csv');
  cleanup();
  showResult(done);
  expect(screen.queryByTestId('import-errors')).toBeNull();
});

// K2, I7: the leads an import wrote can go into a target list, once it is done and wrote some.
test('"Add to target list" is offered for a done import that created or updated leads, only', () => {
  const offered = (job: ImportJob) => {
    showResult(job);
    const found = screen.queryByTestId('import-add-to-list') !== null;
    cleanup();
    return found;
  };
  expect(offered(done)).toBe(true);
  expect(offered({ ...done, created: 0, updated: 2 })).toBe(true);
  expect(offered({ ...done, created: 0, updated: 0, duplicate: 3 })).toBe(false);
  // A file of people already there, to be put in a list: they matched and changed nothing.
  expect(offered({ ...done, created: 0, unchanged: 3 })).toBe(true);
  expect(offered({ ...done, status: 'undone' })).toBe(false);
  expect(offered({ ...done, status: 'failed', failure_reason: 'file', failure: 'bad file' })).toBe(false);
  expect(offered({ ...done, status: 'running', processed: 1 })).toBe(false);
});

test("the import's leads are added to the list chosen", async () => {
  addImportToTargetList.mockResolvedValue({ matched: 3, added: 3, already: 0, do_not_contact: 0 });
  showResult(done);
  fireEvent.click(screen.getByTestId('import-add-to-list'));
  expect((await screen.findByTestId('add-to-list-what')).textContent).toBe(
    'Adds the 3 leads this import created or updated, but for those deleted since.',
  );
  // No list yet: the dialog asks for a new one's name.
  fireEvent.change(await screen.findByTestId('add-to-list-name'), { target: { value: 'Hội chợ' } });
  fireEvent.click(screen.getByTestId('add-to-list-submit'));
  await waitFor(() => expect(addImportToTargetList).toHaveBeenCalledWith(4, 12));
  expect(await screen.findByText('Added 3 leads to “Hội chợ”.')).toBeTruthy();
});

test('adding the leads of an import undone meanwhile says why in the dialog', async () => {
  addImportToTargetList.mockRejectedValue(
    new ApiError(409, 'conflict', 'the import is not done', [], [], 'import_not_done'),
  );
  showResult(done);
  fireEvent.click(screen.getByTestId('import-add-to-list'));
  fireEvent.change(await screen.findByTestId('add-to-list-name'), { target: { value: 'Hội chợ' } });
  fireEvent.click(screen.getByTestId('add-to-list-submit'));
  expect((await screen.findByTestId('add-to-list-error')).textContent).toBe(
    'Only the leads of a finished import that was not undone can be added to a list.',
  );
});

test('a targets import offers no target list (they hold leads) and leads out to the targets', () => {
  showResult({ ...done, entity: 'targets' });
  expect(screen.queryByTestId('import-add-to-list')).toBeNull();
  expect(screen.getByTestId('import-exit').closest('a')?.getAttribute('href')).toBe('/targets');
});

test('a leads import offers its leads to a target list and leads out to the leads', () => {
  showResult(done);
  expect(screen.getByTestId('import-add-to-list')).toBeTruthy();
  expect(screen.getByTestId('import-exit').closest('a')?.getAttribute('href')).toBe('/leads');
});
