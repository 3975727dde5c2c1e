import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { Campaign, CampaignQuery } from '../../api/campaigns';
import type { Page } from '../../api/types';
import { applyLanguage } from '../../i18n';
import { letAntdRunInJsdom } from '../../test/antdInJsdom';
import { foldName } from '../targetlists/foldName';
import { CampaignSelect } from './CampaignSelect';

const campaign = (id: number, name: string, status: Campaign['status']): Campaign => ({
  id,
  name,
  type: 'event',
  status,
  start_date: null,
  end_date: null,
  budget: null,
  source: null,
  description: null,
  leads: 0,
  customers: 0,
  created_by: 1,
  created_by_name: 'Administrator',
  mine: true,
  created_at: '2026-12-01T02:00:00Z',
  updated_at: '2026-12-01T02:00:00Z',
});
const campaigns = [
  campaign(1, 'Hội thảo du học Úc', 'active'),
  campaign(2, 'Hội chợ việc làm', 'completed'),
  campaign(3, 'Quảng cáo Facebook tháng 12', 'paused'),
];
// The server's search: a page of those whose name holds q, case and marks aside; it says how many there are.
const listCampaigns = vi.hoisted(() =>
  vi.fn(async ({ q = '', page_size = 50 }: CampaignQuery = {}): Promise<Page<Campaign>> => {
    const found = campaigns.filter((c) => foldName(c.name).includes(foldName(q)));
    return { items: found.slice(0, page_size), total: found.length + (q ? 0 : 1200), page: 1, page_size };
  }),
);
const fetchCampaign = vi.hoisted(() => vi.fn(async (id: number) => campaigns.find((c) => c.id === id) as Campaign));
vi.mock(import('../../api/campaigns'), async (original) => ({ ...(await original()), listCampaigns, fetchCampaign }));

beforeAll(() => {
  applyLanguage('en');
  letAntdRunInJsdom();
});
afterEach(() => {
  cleanup();
  listCampaigns.mockClear();
  fetchCampaign.mockClear();
});

function renderSelect(value?: number) {
  const onChange = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <CampaignSelect value={value} onChange={onChange} data-testid="campaign-select" />
    </QueryClientProvider>,
  );
  return { onChange, combobox: within(screen.getByTestId('campaign-select')).getByRole('combobox') };
}

// Thousands of campaigns: the list is the server's search, typed without marks; each says its status.
test('typing searches the server, ignoring marks, and the choice gives the campaign id', async () => {
  const { onChange, combobox } = renderSelect();
  // Nothing is read before the list opens.
  expect(listCampaigns).not.toHaveBeenCalled();
  fireEvent.mouseDown(combobox);
  expect(await screen.findByText('1,200 more campaigns: type a name to find them')).toBeTruthy();

  fireEvent.change(combobox, { target: { value: 'hoi thao' } });
  await waitFor(() => expect(listCampaigns).toHaveBeenLastCalledWith({ q: 'hoi thao', page_size: 50, counts: 'false' }));
  await waitFor(() => expect(screen.queryByTitle('Hội chợ việc làm')).toBeNull());
  const option = screen.getByTitle('Hội thảo du học Úc');
  expect(option.textContent).toBe('Hội thảo du học ÚcActive');
  expect(screen.queryByText(/more campaigns/)).toBeNull();
  fireEvent.click(option);
  expect(onChange).toHaveBeenCalledWith(1);
  expect(listCampaigns).toHaveBeenCalledTimes(2);
});

// A lead's campaign shows by its name at once, though the list has not been opened.
test('a campaign set already shows its name', async () => {
  renderSelect(3);
  expect(await screen.findByText('Quảng cáo Facebook tháng 12')).toBeTruthy();
  expect(fetchCampaign).toHaveBeenCalledWith(3);
  expect(listCampaigns).not.toHaveBeenCalled();
});
