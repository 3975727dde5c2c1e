// A campaign's name from its id (a lead's, a picker's value), read once and kept.
import { useCampaign } from './campaignQueries';

export function CampaignName({ id }: { id: number }) {
  const campaign = useCampaign(id);
  return <span data-testid="campaign-name">{campaign.data?.name ?? (campaign.isError ? `#${id}` : '')}</span>;
}
