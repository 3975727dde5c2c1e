// L12: the do-not-contact mark of a lead, with its reason on hover.
import { Tag, Tooltip } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function DncFlag({ reason, asTag = false }: { reason: string | null; asTag?: boolean }) {
  const { t } = useTranslation();
  const title = reason ? t('leads.doNotContactReason', { reason }) : t('leads.doNotContact');
  return (
    <Tooltip title={title}>
      {asTag ? (
        <Tag color="red" icon={<StopOutlined />} data-testid="dnc-flag">
          {t('leads.doNotContact')}
        </Tag>
      ) : (
        <StopOutlined style={{ color: '#cf1322' }} aria-label={title} data-testid="dnc-flag" />
      )}
    </Tooltip>
  );
}
