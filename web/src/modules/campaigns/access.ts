// Who makes campaigns (K1): admins, managers and marketers (the server draws the same line); a
// campaign is changed or deleted by its maker or an admin. Everyone reads them: agents pick the
// campaign of their leads.
import type { Campaign } from '../../api/campaigns';
import type { Role, User } from '../../api/types';

export const makesCampaigns = (role: Role) => role !== 'agent';

export const changesCampaign = (user: User, campaign: Campaign) =>
  makesCampaigns(user.role) && (campaign.mine || user.role === 'admin');
