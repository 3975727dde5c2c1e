import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { Campaign, CampaignInput } from '../../api/campaigns';
import { ApiError } from '../../api/types';
import { applyLanguage } from '../../i18n';
import { letAntdRunInJsdom } from '../../test/antdInJsdom';
import { CampaignModal } from './CampaignModal';

const fair: Campaign = {
  id: 4,
  name: 'Hội chợ tuyển sinh',
  type: 'event',
  status: 'planning',
  start_date: '2026-12-10',
  end_date: '2026-12-12',
  budget: 12000000,
  source: 'Hội chợ',
  description: null,
  leads: 0,
  customers: 0,
  created_by: 2,
  created_by_name: 'Nguyễn Văn Quản',
  mine: true,
  created_at: '2026-12-01T02:00:00Z',
  updated_at: '2026-12-01T02:00:00Z',
};
const createCampaign = vi.hoisted(() => vi.fn<(input: CampaignInput) => Promise<Campaign>>());
const updateCampaign = vi.hoisted(() => vi.fn<(id: number, input: Partial<CampaignInput>) => Promise<Campaign>>());
vi.mock(import('../../api/campaigns'), async (original) => ({
  ...(await original()),
  createCampaign,
  updateCampaign,
}));

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(() => {
  cleanup();
  createCampaign.mockReset();
  updateCampaign.mockReset();
});

function openModal(campaign?: Campaign) {
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <CampaignModal open campaign={campaign} onClose={onClose} />
      </AntApp>
    </QueryClientProvider>,
  );
  return onClose;
}

test('a new campaign is sent whole, with the defaults and what was typed, and the dialog closes', async () => {
  createCampaign.mockImplementation(async (input) => ({ ...fair, ...input, id: 9 }));
  const onClose = openModal();
  fireEvent.change(screen.getByTestId('campaign-name-input'), { target: { value: '  Hội thảo du học ' } });
  fireEvent.change(screen.getByTestId('campaign-budget'), { target: { value: '5,000,000.75' } }); // no cents: what follows the decimal mark goes
  fireEvent.click(screen.getByTestId('campaign-save'));
  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(createCampaign).toHaveBeenCalledWith({
    name: 'Hội thảo du học',
    type: 'other',
    status: 'planning',
    start_date: null,
    end_date: null,
    budget: 5000000,
    source: null,
    description: null,
  });
});

// The server compares names ignoring case and marks: its refusal names the campaign that has the name.
test('a name another campaign has is refused under the name box, the dialog open', async () => {
  createCampaign.mockRejectedValue(
    new ApiError(409, 'conflict', 'a campaign named Hội chợ tuyển sinh exists', [], [], 'campaign_name_taken', {
      name: 'Hội chợ tuyển sinh',
    }),
  );
  const onClose = openModal();
  fireEvent.change(screen.getByTestId('campaign-name-input'), { target: { value: 'HOI CHO TUYEN SINH' } });
  fireEvent.click(screen.getByTestId('campaign-save'));
  expect(
    await screen.findByText('A campaign named “Hội chợ tuyển sinh” exists already; choose another name.'),
  ).toBeTruthy();
  expect(onClose).not.toHaveBeenCalled();
});

test("a campaign's dates and budget show as read, and the server's field errors land on their fields", async () => {
  updateCampaign.mockRejectedValue(
    new ApiError(422, 'validation_failed', 'invalid input', [
      { field: 'end_date', message: 'is before the start date 2026-12-10', reason: 'before_start_date' },
    ]),
  );
  const onClose = openModal(fair);
  expect((screen.getByTestId('campaign-budget') as HTMLInputElement).value).toBe('12,000,000');
  expect((screen.getByTestId('campaign-end_date') as HTMLInputElement).value).toBe('12/12/2026');
  fireEvent.click(screen.getByTestId('campaign-save'));
  expect(await screen.findByText('May not be before the start date')).toBeTruthy();
  expect(screen.getByText('May not be before the start date').closest('.ant-form-item')?.textContent).toContain(
    'End date',
  );
  expect(updateCampaign).toHaveBeenCalledWith(4, {
    name: 'Hội chợ tuyển sinh',
    type: 'event',
    status: 'planning',
    start_date: '2026-12-10',
    end_date: '2026-12-12',
    budget: 12000000,
    source: 'Hội chợ',
    description: null,
  });
  expect(onClose).not.toHaveBeenCalled();
});
