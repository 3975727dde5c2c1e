// The columns of the leads and the targets lists: each field shown as a person reads it, the name
// opening the record (with its do-not-contact flag), the status as its coloured tag.
import { useMemo, type ReactNode } from 'react';
import { Flex, Typography, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ContactRecord, ParentType } from '../../api/types';
import { recordPath } from '../common/records';
import { useDirectory } from '../common/useDirectory';
import { DncFlag } from './DncFlag';
import { leadValue } from './formValues';
import { StatusTag } from './StatusTag';
import type { LeadFields } from './useLeadFields';

/** The list's columns `names`, sortable as the registry says; the name opens the lead or target. */
export function useRecordColumns<T extends ContactRecord>(
  type: ParentType,
  fields: LeadFields | undefined,
  names: string[],
  sort: string,
  campaignName: (id: number) => string,
): TableProps<T>['columns'] {
  const { t } = useTranslation();
  const { userName } = useDirectory();
  return useMemo(() => {
    if (!fields) return [];
    const render = (name: string, lead: T): ReactNode => {
      switch (name) {
        case 'full_name':
          return (
            <Flex gap={6} align="center">
              <Link to={recordPath(type, lead.id)}>{lead.full_name}</Link>
              {lead.do_not_contact && <DncFlag reason={lead.dnc_reason} />}
            </Flex>
          );
        case 'status':
          return <StatusTag status={lead.status} fields={fields} />;
        case 'owner_id':
          return lead.owner_id === null ? (
            <Typography.Text type="secondary">{t('leads.unassigned')}</Typography.Text>
          ) : (
            userName(lead.owner_id)
          );
        case 'campaign_id':
          return lead.campaign_id === null ? '' : campaignName(lead.campaign_id);
        default:
          return fields.display(name, leadValue(lead, name));
      }
    };
    return names.map((name) => ({
      key: name,
      title: fields.label(name),
      sorter: fields.get(name)?.sortable ?? false,
      sortOrder: sort === name ? ('ascend' as const) : sort === `-${name}` ? ('descend' as const) : null,
      render: (_: unknown, lead: T) => render(name, lead),
    }));
  }, [type, fields, names, sort, t, userName, campaignName]);
}
