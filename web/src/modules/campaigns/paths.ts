// Where a campaign's leads are shown: the leads list, filtered by the campaign.
export const campaignLeadsPath = (id: number) => `/leads?campaign_id=${id}`;
