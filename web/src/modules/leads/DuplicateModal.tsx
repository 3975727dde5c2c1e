// L3: the records a new or edited lead (or target) matches; the user goes back or saves anyway.
// A matching lead or target opens in a new tab.
import { Alert, Button, Card, Modal, Space, Tag, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch } from '../../api/types';
import { recordPath } from '../common/records';
import { useDirectory } from '../common/useDirectory';

export interface DuplicateModalProps {
  duplicates: DuplicateMatch[] | null;
  saving: boolean;
  onBack: () => void;
  onSaveAnyway: () => void;
}

export function DuplicateModal({ duplicates, saving, onBack, onSaveAnyway }: DuplicateModalProps) {
  const { t } = useTranslation();
  const { userName } = useDirectory();

  return (
    <Modal
      open={duplicates !== null}
      title={t('duplicate.title')}
      onCancel={onBack}
      destroyOnHidden
      width={640}
      footer={[
        <Button key="back" onClick={onBack} data-testid="duplicate-go-back">
          {t('duplicate.goBack')}
        </Button>,
        <Button
          key="save"
          type="primary"
          danger
          loading={saving}
          onClick={onSaveAnyway}
          data-testid="duplicate-save-anyway"
        >
          {t('duplicate.saveAnyway')}
        </Button>,
      ]}
    >
      <div data-testid="duplicate-modal">
        <Alert type="warning" showIcon title={t('duplicate.intro', { count: duplicates?.length ?? 0 })} />
        {(duplicates ?? []).map((match) => (
          <Card key={`${match.type}-${match.id}`} size="small" style={{ marginTop: 12 }} data-testid="duplicate-match">
            <Space orientation="vertical" size={2}>
              {match.type === 'lead' || match.type === 'target' ? (
                <Link to={recordPath(match.type, match.id)} target="_blank" rel="noopener">
                  <Typography.Text strong>{match.full_name}</Typography.Text> <ExportOutlined />
                </Link>
              ) : (
                <Typography.Text strong>{match.full_name}</Typography.Text>
              )}
              <Typography.Text type="secondary">
                {[t(`duplicate.types.${match.type}`, { defaultValue: match.type }), match.mobile, match.email]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('duplicate.owner')}: {match.owner_id != null ? userName(match.owner_id) : t('leads.unassigned')}
              </Typography.Text>
              <span>
                {t('duplicate.matchedOn')}{' '}
                {match.matched_on.map((key) => (
                  <Tag key={key} color="orange">
                    {t(`duplicate.keys.${key}`, { defaultValue: key })}
                  </Tag>
                ))}
              </span>
            </Space>
          </Card>
        ))}
      </div>
    </Modal>
  );
}
