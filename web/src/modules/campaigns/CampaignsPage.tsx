// /campaigns (K1; everyone): the campaigns by name, found by a part of the name (marks aside) and by
// status, each with its type, dates, budget, source, the leads it brought (which open the leads list
// filtered by it), of them the customers, and who made it. Admins, managers and marketers add
// campaigns; its maker or an admin changes or deletes one that nothing uses.
import { useState, type HTMLAttributes } from 'react';
import { App as AntApp, Button, Flex, Popconfirm, Select, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { campaignStatuses, deleteCampaign, type Campaign } from '../../api/campaigns';
import { useLanguage } from '../../i18n';
import { useCurrentUser } from '../auth/AuthProvider';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';
import { DebouncedSearch } from '../common/DebouncedSearch';
import { formatCount, formatDate, formatMoney } from '../common/format';
import { QueryError } from '../common/QueryError';
import { changesCampaign, makesCampaigns } from './access';
import { CampaignModal } from './CampaignModal';
import { useCampaignPage, useRefreshCampaigns } from './campaignQueries';
import { CampaignStatusTag } from './CampaignStatusTag';
import { campaignLeadsPath } from './paths';

const pageSize = 50;
const none = <Typography.Text type="secondary">—</Typography.Text>;

export function CampaignsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const language = useLanguage();
  const user = useCurrentUser();
  // The search, the status and the page live in the URL: back from a campaign's leads finds them again.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const campaigns = useCampaignPage({ q, status, page, page_size: pageSize });
  const refresh = useRefreshCampaigns();
  // The campaign stays while its dialog closes, so that the dialog does not turn into a new one meanwhile.
  const [editing, setEditing] = useState<{ open: boolean; campaign?: Campaign }>({ open: false });

  /** Another search or status starts at the first page; typing replaces the history entry. */
  const change = (changes: { q?: string; status?: string; page?: number }) => {
    const next = new URLSearchParams(params);
    next.delete('page');
    for (const [key, value] of Object.entries(changes)) {
      if (value && !(key === 'page' && value === 1)) next.set(key, String(value));
      else next.delete(key);
    }
    setParams(next, { replace: 'q' in changes });
  };

  const remove = useMutation({
    mutationFn: (campaign: Campaign) => deleteCampaign(campaign.id),
    onSuccess: (_, campaign) => {
      refresh();
      void message.success(t('campaigns.deleted', { name: campaign.name }));
    },
    // One still in use says by how many leads and rules, and what to do instead (pause or end it).
    onError: (error) => void message.error(errorText(error, t), 8),
  });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.campaigns')}
        </Typography.Title>
        {makesCampaigns(user.role) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ open: true })}
            data-testid="campaign-create"
          >
            {t('campaigns.create')}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">{t('campaigns.hint')}</Typography.Text>
      <Flex wrap gap={8}>
        <DebouncedSearch
          value={q}
          onChange={(text) => change({ q: text })}
          placeholder={t('campaigns.searchPlaceholder')}
          style={{ width: 320 }}
          data-testid="campaign-search"
        />
        <Select
          allowClear
          placeholder={t('campaigns.status')}
          options={campaignStatuses.map((value) => ({ value, label: t(`campaigns.statuses.${value}`) }))}
          value={status}
          onChange={(value?: string) => change({ status: value })}
          style={{ minWidth: 180 }}
          data-testid="campaign-status-filter"
        />
      </Flex>
      {campaigns.error && !campaigns.data ? (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : (
        <Table<Campaign>
          rowKey="id"
          size="middle"
          loading={campaigns.isFetching}
          dataSource={campaigns.data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: campaigns.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (next) => change({ page: next }),
          }}
          locale={{ emptyText: t(q || status ? 'campaigns.noneFound' : 'campaigns.none') }}
          scroll={{ x: 'max-content' }}
          onRow={(campaign) => ({ 'data-testid': `campaign-row-${campaign.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid="campaigns-table"
          columns={[
            {
              key: 'name',
              title: t('campaigns.name'),
              render: (_, campaign) => (
                <Flex vertical style={{ maxWidth: 320 }}>
                  <Typography.Text strong ellipsis={{ tooltip: campaign.name }} data-testid="campaign-row-name">
                    {campaign.name}
                  </Typography.Text>
                  {campaign.description && (
                    <Typography.Text type="secondary" ellipsis={{ tooltip: campaign.description }}>
                      {campaign.description}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              key: 'status',
              title: t('campaigns.status'),
              render: (_, campaign) => <CampaignStatusTag status={campaign.status} />,
            },
            {
              key: 'leads',
              title: t('campaigns.leads'),
              align: 'right',
              render: (_, campaign) => (
                <Link to={campaignLeadsPath(campaign.id)} data-testid="campaign-leads">
                  {formatCount(campaign.leads ?? 0, language)}
                </Link>
              ),
            },
            {
              key: 'customers',
              title: t('campaigns.customers'),
              align: 'right',
              render: (_, campaign) => (
                <span data-testid="campaign-customers">{formatCount(campaign.customers ?? 0, language)}</span>
              ),
            },
            { key: 'type', title: t('campaigns.type'), render: (_, campaign) => t(`campaigns.types.${campaign.type}`) },
            {
              key: 'period',
              title: t('campaigns.period'),
              render: (_, campaign) =>
                campaign.start_date || campaign.end_date
                  ? `${campaign.start_date ? formatDate(campaign.start_date) : '…'} – ${
                      campaign.end_date ? formatDate(campaign.end_date) : '…'
                    }`
                  : none,
            },
            {
              key: 'budget',
              title: t('campaigns.budget'),
              align: 'right',
              render: (_, campaign) => (campaign.budget === null ? none : formatMoney(campaign.budget, language)),
            },
            { key: 'source', title: t('campaigns.source'), render: (_, campaign) => campaign.source ?? none },
            {
              key: 'created_by',
              title: t('campaigns.createdBy'),
              render: (_, campaign) => campaign.created_by_name ?? none,
            },
            {
              key: 'actions',
              title: '',
              fixed: 'right',
              render: (_, campaign) =>
                changesCampaign(user, campaign) && (
                  <Flex gap={4}>
                    <Button
                      icon={<EditOutlined />}
                      onClick={() => setEditing({ open: true, campaign })}
                      aria-label={t('common.edit')}
                      data-testid="campaign-edit"
                    />
                    <Popconfirm
                      title={t('campaigns.deleteConfirm', { name: campaign.name })}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true, loading: remove.isPending }}
                      onConfirm={() => untilAnswered(remove.mutateAsync(campaign))}
                    >
                      <Button
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        data-testid="campaign-delete"
                      />
                    </Popconfirm>
                  </Flex>
                ),
            },
          ]}
        />
      )}
      <CampaignModal
        open={editing.open}
        campaign={editing.campaign}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
      />
    </Flex>
  );
}
