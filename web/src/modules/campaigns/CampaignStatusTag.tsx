// A campaign's status as a coloured tag: planned, running, paused, over.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../../api/campaigns';

const colors: Record<CampaignStatus, string> = {
  planning: 'blue',
  active: 'green',
  paused: 'orange',
  completed: 'default',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="campaign-status">
      {t(`campaigns.statuses.${status}`)}
    </Tag>
  );
}
