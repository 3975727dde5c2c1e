// Create a campaign or change it (its maker or an admin): name, type, status, dates, budget in VND,
// the lead source it brings and a description. A name another campaign has (case and marks aside)
// is refused under the name box, an end before the start under the end date.
import type { ReactNode } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  campaignStatuses,
  campaignTypes,
  createCampaign,
  updateCampaign,
  type Campaign,
  type CampaignInput,
  type CampaignStatus,
  type CampaignType,
} from '../../api/campaigns';
import { useLanguage } from '../../i18n';
import { dateFormat, formatCount } from '../common/format';
import { SaveNamedModal } from '../common/SaveNamedModal';
import { campaignsKey } from './campaignQueries';

interface Values {
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  start_date?: Dayjs | null;
  end_date?: Dayjs | null;
  budget?: number | null;
  source?: string;
  description?: string;
}

const toValues = (campaign: Campaign | undefined): Values =>
  campaign
    ? {
        name: campaign.name,
        type: campaign.type,
        status: campaign.status,
        start_date: campaign.start_date ? dayjs(campaign.start_date) : null,
        end_date: campaign.end_date ? dayjs(campaign.end_date) : null,
        budget: campaign.budget,
        source: campaign.source ?? '',
        description: campaign.description ?? '',
      }
    : { name: '', type: 'other', status: 'planning' };

const toInput = (values: Values): CampaignInput => ({
  name: values.name,
  type: values.type,
  status: values.status,
  start_date: values.start_date?.format('YYYY-MM-DD') ?? null,
  end_date: values.end_date?.format('YYYY-MM-DD') ?? null,
  budget: values.budget ?? null,
  source: values.source?.trim() || null,
  description: values.description?.trim() || null,
});

interface Props {
  open: boolean;
  /** The campaign to change; none makes a new one. */
  campaign?: Campaign;
  onClose: () => void;
}

export function CampaignModal({ open, campaign, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const half = (name: keyof Values, label: string, input: ReactNode) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={label}>
        {input}
      </Form.Item>
    </Col>
  );
  const date = (name: 'start_date' | 'end_date') => (
    <DatePicker format={dateFormat} style={{ width: '100%' }} data-testid={`campaign-${name}`} />
  );

  return (
    <SaveNamedModal<Values, Campaign>
      open={open}
      title={campaign ? t('campaigns.edit') : t('campaigns.create')}
      nameLabel={t('campaigns.name')}
      nameMaxLength={200}
      values={toValues(campaign)}
      save={(values) => (campaign ? updateCampaign(campaign.id, toInput(values)) : createCampaign(toInput(values)))}
      listKey={campaignsKey}
      savedMessage={(saved) => t('campaigns.saved', { name: saved.name })}
      onSaved={onClose}
      onClose={onClose}
      nameTaken="campaign_name_taken"
      width={640}
      testIds={{ form: 'campaign-form', name: 'campaign-name-input', ok: 'campaign-save' }}
    >
      <Row gutter={16}>
        {half(
          'type',
          t('campaigns.type'),
          <Select
            options={campaignTypes.map((type) => ({ value: type, label: t(`campaigns.types.${type}`) }))}
            data-testid="campaign-type"
          />,
        )}
        {half(
          'status',
          t('campaigns.status'),
          <Select
            options={campaignStatuses.map((status) => ({ value: status, label: t(`campaigns.statuses.${status}`) }))}
            data-testid="campaign-status-select"
          />,
        )}
        {half('start_date', t('campaigns.startDate'), date('start_date'))}
        {half('end_date', t('campaigns.endDate'), date('end_date'))}
        {half(
          'budget',
          t('campaigns.budget'),
          <InputNumber<number | string>
            min={0}
            precision={0}
            suffix="₫"
            // Grouped as the language writes amounts (12.000.000 in Vietnamese), whose dots are no decimals;
            // the dong has no cents, so what follows the decimal mark (12.500.000,75) is left out.
            formatter={(value) => (value === undefined || value === '' ? '' : formatCount(Number(value), language))}
            parser={(text) => text?.split(language === 'en' ? '.' : ',')[0].replace(/\D/g, '') ?? ''}
            style={{ width: '100%' }}
            data-testid="campaign-budget"
          />,
        )}
        {half('source', t('campaigns.source'), <Input maxLength={100} data-testid="campaign-source" />)}
      </Row>
      <Form.Item name="description" label={t('campaigns.description')} style={{ marginBottom: 0 }}>
        <Input.TextArea
          maxLength={2000}
          showCount
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid="campaign-description"
        />
      </Form.Item>
    </SaveNamedModal>
  );
}
