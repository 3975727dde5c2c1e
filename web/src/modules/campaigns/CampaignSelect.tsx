// Picks a campaign by its name (K1), its value the campaign's id: typing asks the server, which
// finds the name ignoring case and marks ("hoi thao" finds "Hội thảo"), so that it works as well
// with thousands of campaigns; each choice says the campaign's status.
import { useState, type CSSProperties } from 'react';
import { Flex, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../../api/campaigns';
import { searchDelayMs } from '../common/DebouncedSearch';
import { useSettled } from '../common/useSettled';
import { CampaignName } from './CampaignName';
import { useCampaignSearch } from './campaignQueries';

interface Props {
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

export function CampaignSelect({ value, onChange, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  // The campaigns are read when the list first opens, not for every form that shows the field.
  const [opened, setOpened] = useState(false);
  const [typed, setTyped] = useState('');
  const search = useCampaignSearch(useSettled(typed.trim(), searchDelayMs), opened);
  const found = search.data?.items ?? [];
  const more = (search.data?.total ?? 0) - found.length;

  return (
    <Select<number>
      allowClear
      placeholder={placeholder ?? t('campaigns.pick')}
      value={value ?? undefined}
      onChange={(id) => {
        setTyped('');
        onChange?.(id);
      }}
      onOpenChange={(open) => {
        if (open) setOpened(true);
        else setTyped('');
      }}
      showSearch={{ filterOption: false, searchValue: typed, onSearch: setTyped }}
      loading={search.isFetching}
      options={found.map((campaign) => ({ value: campaign.id, label: campaign.name, status: campaign.status }))}
      optionRender={(option) => (
        <Flex justify="space-between" gap={16}>
          <span>{option.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`campaigns.statuses.${option.data.status as CampaignStatus}`)}
          </Typography.Text>
        </Flex>
      )}
      // The chosen campaign may not be among those found (another search, not read yet).
      labelRender={({ value: id, label }) => label ?? <CampaignName id={Number(id)} />}
      notFoundContent={search.isPending ? <Spin size="small" /> : t('campaigns.none')}
      popupRender={(menu) => (
        <>
          {menu}
          {more > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>
              {t('campaigns.typeForMore', { count: more })}
            </Typography.Text>
          )}
        </>
      )}
      {...rest}
    />
  );
}
