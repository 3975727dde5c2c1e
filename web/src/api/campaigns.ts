// Campaigns (K1): what brought leads in (an event, an ads run, a mailing), picked by name wherever a
// lead's or a rule's campaign is set. Everyone signed in reads them; admins, managers and marketers
// make them, and a campaign is changed or deleted by its maker or an admin.
import { queryString, request } from './client';
import type { Page } from './types';

export const campaignTypes = ['event', 'online_ads', 'email', 'sms', 'telesales', 'referral', 'other'] as const;
export type CampaignType = (typeof campaignTypes)[number];

export const campaignStatuses = ['planning', 'active', 'paused', 'completed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export interface Campaign {
  id: number;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  /** YYYY-MM-DD */
  start_date: string | null;
  end_date: string | null;
  /** Whole VND. */
  budget: number | null;
  /** The lead source it brings. */
  source: string | null;
  description: string | null;
  /** Live leads of the campaign that the signed-in user sees (not in a list asked without counts). */
  leads?: number;
  /** Of them, those at stage customer. */
  customers?: number;
  created_by: number | null;
  created_by_name: string | null;
  /** Whether the signed-in user made it: they (or an admin) change and delete it. */
  mine: boolean;
  created_at: string;
  updated_at: string;
}

export type CampaignInput = Pick<
  Campaign,
  'name' | 'type' | 'status' | 'start_date' | 'end_date' | 'budget' | 'source' | 'description'
>;

export type CampaignQuery = {
  /** In the name, ignoring case and Vietnamese marks ("hoi thao" finds "Hội thảo"). */
  q?: string;
  status?: string;
  page?: number;
  /** At most 500; 50 when not given. */
  page_size?: number;
  /** 'false': names only (a picker's), the leads not counted. */
  counts?: 'false';
};

/** Ordered by name. */
export const listCampaigns = (query: CampaignQuery = {}) =>
  request<Page<Campaign>>('GET', `/api/campaigns${queryString(query)}`);

export const fetchCampaign = (id: number) => request<Campaign>('GET', `/api/campaigns/${id}`);

export const createCampaign = (input: CampaignInput) => request<Campaign>('POST', '/api/campaigns', input);

export const updateCampaign = (id: number, changes: Partial<CampaignInput>) =>
  request<Campaign>('PATCH', `/api/campaigns/${id}`, changes);

/** Refused (409 campaign_in_use) while leads, targets or assignment rules name it. */
export const deleteCampaign = (id: number) => request<void>('DELETE', `/api/campaigns/${id}`);
