import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import type { Campaign } from '../../api/campaigns';
import type { Page } from '../../api/types';
import { useCampaignNames } from './campaignQueries';

const named = (id: number, name: string) => ({ id, name }) as Campaign;
const listCampaigns = vi.hoisted(() => vi.fn<() => Promise<Page<Campaign>>>());
const fetchCampaign = vi.hoisted(() => vi.fn(async (id: number) => named(id, `Chiến dịch cũ ${id}`)));
vi.mock(import('../../api/campaigns'), async (original) => ({ ...(await original()), listCampaigns, fetchCampaign }));

afterEach(() => {
  cleanup();
  listCampaigns.mockReset();
  fetchCampaign.mockClear();
});

function Names({ ids }: { ids: (number | null)[] }) {
  const name = useCampaignNames(ids);
  return <span data-testid="names">{ids.map((id) => (id === null ? '-' : name(id))).join(', ')}</span>;
}

const renderNames = (ids: (number | null)[]) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Names ids={ids} />
    </QueryClientProvider>,
  );

// A page of leads names its campaigns with one request, not one per row.
test("a table's campaigns are named from one list of them all", async () => {
  listCampaigns.mockResolvedValue({
    items: [named(1, 'Hội thảo'), named(2, 'Facebook Ads')],
    total: 2,
    page: 1,
    page_size: 500,
  });
  renderNames([1, 2, 1, null, 1]);
  expect(await screen.findByText('Hội thảo, Facebook Ads, Hội thảo, -, Hội thảo')).toBeTruthy();
  expect(listCampaigns).toHaveBeenCalledTimes(1);
  expect(fetchCampaign).not.toHaveBeenCalled();
});

// Beyond the 500 one request holds, a campaign the list left out is read by itself, once.
test('a campaign beyond the first 500 is read on its own, once however many rows name it', async () => {
  listCampaigns.mockResolvedValue({ items: [named(1, 'Hội thảo')], total: 501, page: 1, page_size: 500 });
  renderNames([1, 7, 7]);
  expect(await screen.findByText('Hội thảo, Chiến dịch cũ 7, Chiến dịch cũ 7')).toBeTruthy();
  expect(fetchCampaign.mock.calls).toEqual([[7]]);
});
