import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { ConvertRequest, ConvertResult } from '../../api/targets';
import { applyLanguage } from '../../i18n';
import { letAntdRunInJsdom } from '../../test/antdInJsdom';
import type { Directory } from '../common/useDirectory';
import { ConvertModal, convertedText } from './ConvertModal';

const convertTargets = vi.hoisted(() => vi.fn<(body: ConvertRequest) => Promise<ConvertResult>>());
vi.mock(import('../../api/targets'), async (original) => ({ ...(await original()), convertTargets }));
vi.mock(import('../common/useDirectory'), async (original) => ({
  ...(await original()),
  useDirectory: () =>
    ({ assignableOptions: [{ value: 5, label: 'Lê Thị Bình' }], users: [], teams: [] }) as unknown as Directory,
}));

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(() => {
  cleanup();
  convertTargets.mockReset();
});

function openModal(selectedIds: number[]) {
  const onDone = vi.fn();
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <AntApp>
        <ConvertModal
          open
          selectedIds={selectedIds}
          filter={{ status: 'wait_for_deliver' }}
          matching={40}
          onClose={() => {}}
          onDone={onDone}
        />
      </AntApp>
    </QueryClientProvider>,
  );
  return { onDone, client };
}

test('the result says how many became leads and how many were skipped, in both languages', () => {
  const t = i18n.t.bind(i18n);
  expect(convertedText({ converted: 3, lead_ids: [7, 8, 9], skipped: 2 }, t)).toBe(
    '3 targets converted to leads, 2 skipped (not in Wait for deliver).',
  );
  expect(convertedText({ converted: 1, lead_ids: [7], skipped: 0 }, t)).toBe('1 target converted to a lead.');
  expect(convertedText({ converted: 1200, lead_ids: [], skipped: 0 }, t)).toBe('1,200 targets converted to leads.');
  expect(convertedText({ converted: 0, lead_ids: [], skipped: 4 }, t)).toMatch(/^No target was converted/);
  // A verified target that is no valid lead yet is named.
  const problems = [{ target_id: 5, full_name: 'Chưa Rõ', field: 'custom.x', message: 'is required', reason: 'required' }];
  expect(convertedText({ converted: 1, lead_ids: [7], skipped: 1, problems }, t)).toMatch(
    /Not valid leads yet: Chưa Rõ/,
  );
  const vi = i18n.getFixedT('vi');
  expect(convertedText({ converted: 1200, lead_ids: [], skipped: 1 }, vi)).toBe(
    'Đã chuyển 1.200 target thành lead, bỏ qua 1 target (không ở trạng thái Wait for deliver).',
  );
});

test('the selected targets are converted for the chosen owner, the list told, its targets read again', async () => {
  convertTargets.mockResolvedValue({ converted: 2, lead_ids: [31, 32], skipped: 1 });
  const { onDone, client } = openModal([4, 5, 6]);
  client.setQueryData(['targets', { page: 1 }], { items: [] });
  client.setQueryData(['leads', { page: 1 }], { items: [] });
  fireEvent.mouseDown(screen.getByRole('combobox'));
  fireEvent.click(await screen.findByTitle('Lê Thị Bình'));
  fireEvent.click(screen.getByTestId('convert-confirm'));
  await waitFor(() => expect(onDone).toHaveBeenCalledWith({ converted: 2, lead_ids: [31, 32], skipped: 1 }));
  expect(convertTargets).toHaveBeenCalledWith({ ids: [4, 5, 6], owner_id: 5 });
  expect(await screen.findByText('2 targets converted to leads, 1 skipped (not in Wait for deliver).')).toBeTruthy();
  expect(client.getQueryState(['targets', { page: 1 }])?.isInvalidated).toBe(true);
  expect(client.getQueryState(['leads', { page: 1 }])?.isInvalidated).toBe(true);
});

test('with nothing selected the filter is converted, and no owner is sent when none is chosen', async () => {
  convertTargets.mockResolvedValue({ converted: 0, lead_ids: [], skipped: 40 });
  const { onDone } = openModal([]);
  expect((screen.getByRole('radio', { name: /Selected rows/ }) as HTMLInputElement).disabled).toBe(true);
  fireEvent.click(screen.getByTestId('convert-confirm'));
  await waitFor(() => expect(onDone).toHaveBeenCalled());
  expect(convertTargets).toHaveBeenCalledWith({ filter: { status: 'wait_for_deliver' } });
  expect(await screen.findByText(/^No target was converted/)).toBeTruthy();
});
