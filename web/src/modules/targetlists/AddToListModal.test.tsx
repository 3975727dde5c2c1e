import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { MembersAdded, TargetList, TargetListInput } from '../../api/targetLists';
import { ApiError, type Page } from '../../api/types';
import { applyLanguage } from '../../i18n';
import { letAntdRunInJsdom } from '../../test/antdInJsdom';
import { AddToListModal } from './AddToListModal';

const fair: TargetList = {
  id: 1,
  name: 'Hội chợ tuyển sinh',
  description: null,
  members: 1250,
  created_by: 2,
  created_by_name: 'Nguyễn Văn Quản',
  mine: false,
  created_at: '2026-12-01T02:00:00Z',
  updated_at: '2026-12-01T02:00:00Z',
};
const listTargetLists = vi.hoisted(() => vi.fn<() => Promise<Page<TargetList>>>());
const createTargetList = vi.hoisted(() => vi.fn<(input: TargetListInput) => Promise<TargetList>>());
vi.mock(import('../../api/targetLists'), async (original) => ({
  ...(await original()),
  listTargetLists,
  createTargetList,
}));

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(() => {
  cleanup();
  listTargetLists.mockReset();
  createTargetList.mockReset();
});

function openModal(add: (listId: number) => Promise<MembersAdded>) {
  listTargetLists.mockResolvedValue({ items: [fair], total: 1, page: 1, page_size: 1 });
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <AntApp>
          <AddToListModal open what="Adds the 3 selected leads." add={add} onClose={onClose} />
        </AntApp>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return onClose;
}

async function nameNewList(name: string) {
  fireEvent.click(await screen.findByRole('radio', { name: 'New list' }));
  fireEvent.change(await screen.findByTestId('add-to-list-name'), { target: { value: name } });
}

// A list made on the spot is made first, then filled; what adding did is said in full.
test('a new list is made, the leads added to it, and the counts said with a link to the list', async () => {
  createTargetList.mockImplementation(async ({ name }) => ({ ...fair, id: 9, name, members: 0, mine: true }));
  const add = vi.fn(async () => ({ matched: 5, added: 3, already: 1, do_not_contact: 1 }));
  const onClose = openModal(add);
  await nameNewList('  Gọi lại tháng 12 ');
  fireEvent.click(screen.getByTestId('add-to-list-submit'));

  await waitFor(() => expect(add).toHaveBeenCalledWith(9));
  expect(createTargetList).toHaveBeenCalledWith({ name: 'Gọi lại tháng 12' });
  expect(await screen.findByText('Added 3 leads to “Gọi lại tháng 12”.')).toBeTruthy();
  const result = screen.getByTestId('add-to-list-result');
  expect(within(result).getByText('1 was already in it.')).toBeTruthy();
  expect(within(result).getByText('1 do-not-contact lead left out.')).toBeTruthy();
  expect(screen.getByTestId('added-list-link').getAttribute('href')).toBe('/leads?target_list_id=9');
  expect(onClose).toHaveBeenCalled();
});

test('counts that are nought are not said', async () => {
  const add = vi.fn(async () => ({ matched: 1250, added: 1250, already: 0, do_not_contact: 0 }));
  openModal(add);
  // Found by typing its name without the marks; the choice shows how many leads the list holds.
  const select = within(await screen.findByTestId('add-to-list-select')).getByRole('combobox');
  fireEvent.change(select, { target: { value: 'hoi cho' } });
  expect(await screen.findByText('1,250 leads')).toBeTruthy();
  fireEvent.click(screen.getByTitle('Hội chợ tuyển sinh'));
  fireEvent.click(screen.getByTestId('add-to-list-submit'));
  await waitFor(() => expect(add).toHaveBeenCalledWith(1));
  expect(await screen.findByText('Added 1,250 leads to “Hội chợ tuyển sinh”.')).toBeTruthy();
  expect(screen.getByTestId('add-to-list-result').textContent).toBe('Open the list');
  expect(createTargetList).not.toHaveBeenCalled();
});

test('adding leads that were all in the list already says that nothing new joined', async () => {
  const add = vi.fn(async () => ({ matched: 6, added: 0, already: 6, do_not_contact: 0 }));
  openModal(add);
  const select = within(await screen.findByTestId('add-to-list-select')).getByRole('combobox');
  fireEvent.change(select, { target: { value: 'hoi cho' } });
  fireEvent.click(await screen.findByTitle('Hội chợ tuyển sinh'));
  fireEvent.click(screen.getByTestId('add-to-list-submit'));
  expect(await screen.findByText('No new leads joined “Hội chợ tuyển sinh”.')).toBeTruthy();
  expect(within(screen.getByTestId('add-to-list-result')).getByText('6 were already in it.')).toBeTruthy();
  expect(screen.queryByText(/^Added 0/)).toBeNull();
});

test('a name another list has (marks and case aside) is refused under the name box, the dialog open', async () => {
  createTargetList.mockRejectedValue(
    new ApiError(409, 'conflict', 'a target list named Hội chợ tuyển sinh exists', [], [], 'list_name_taken', {
      name: 'Hội chợ tuyển sinh',
    }),
  );
  const add = vi.fn();
  const onClose = openModal(add);
  await nameNewList('HOI CHO TUYEN SINH');
  // Said before saving, from the lists at hand...
  expect((await screen.findByTestId('add-to-list-taken')).textContent).toContain('“Hội chợ tuyển sinh”');
  fireEvent.click(screen.getByTestId('add-to-list-submit'));
  // ...and the server's refusal lands on the field, naming the list that has the name.
  expect(
    await screen.findByText('A target list named “Hội chợ tuyển sinh” exists already; choose another name.'),
  ).toBeTruthy();
  expect(add).not.toHaveBeenCalled();
  expect(onClose).not.toHaveBeenCalled();
});

test('when adding fails after the list was made, trying again adds to that list and makes no other', async () => {
  createTargetList.mockResolvedValue({ ...fair, id: 9, name: 'Gọi lại', members: 0, mine: true });
  const add = vi
    .fn<(listId: number) => Promise<MembersAdded>>()
    .mockRejectedValueOnce(new ApiError(0, 'network_error', 'Failed to fetch'))
    .mockResolvedValueOnce({ matched: 3, added: 3, already: 0, do_not_contact: 0 });
  const onClose = openModal(add);
  await nameNewList('Gọi lại');
  fireEvent.click(screen.getByTestId('add-to-list-submit'));
  expect((await screen.findByTestId('add-to-list-error')).textContent).toBe('Cannot reach the server');
  expect(onClose).not.toHaveBeenCalled();

  fireEvent.click(screen.getByTestId('add-to-list-submit'));
  expect(await screen.findByText('Added 3 leads to “Gọi lại”.')).toBeTruthy();
  expect(add.mock.calls).toEqual([[9], [9]]);
  expect(createTargetList).toHaveBeenCalledTimes(1);
});
