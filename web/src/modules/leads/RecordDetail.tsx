// The parts of a lead's page (L5) that a target's page shares: a card of fields, each shown as a
// person reads it (links to call and mail, the campaign's name, the lead a target became), and the
// activity card — the timeline with "Log call" and "Add note" (C1, C5).
import { useState, type ReactNode } from 'react';
import { Button, Card, Descriptions, Flex, Grid, Typography } from 'antd';
import { FileAddOutlined, PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Call, ContactRecord, Note, ParentType } from '../../api/types';
import { CallFormDrawer } from '../calls/CallFormDrawer';
import { CampaignName } from '../campaigns/CampaignName';
import { recordPath } from '../common/records';
import { NoteModal } from '../notes/NoteModal';
import { leadValue } from './formValues';
import { LeadTimeline } from './LeadTimeline';
import { StatusTag } from './StatusTag';
import type { LeadFields } from './useLeadFields';

export interface SectionDef {
  key: string;
  fields: string[];
}

/** The sections, and one of the custom fields (A1) when the registry has any. */
export function withCustom(sections: SectionDef[], fields: LeadFields): SectionDef[] {
  const custom = { key: 'custom', fields: fields.all.filter((field) => field.custom).map((field) => field.name) };
  return custom.fields.length > 0 ? [...sections, custom] : sections;
}

export function fieldValue(record: ContactRecord, name: string, fields: LeadFields): ReactNode {
  if (name === 'status') return <StatusTag status={record.status} fields={fields} />;
  if (name === 'campaign_id' && record.campaign_id !== null) return <CampaignName id={record.campaign_id} />;
  const raw = leadValue(record, name);
  if (name === 'lead_id' && typeof raw === 'number') return <ConversionLink to="lead" id={raw} />;
  const text = fields.display(name, raw);
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  if (name === 'email') return <a href={`mailto:${text}`}>{text}</a>;
  if ((name === 'mobile' || name === 'phone') && typeof raw === 'string') {
    const e164 = name === 'mobile' ? record.mobile_e164 : record.phone_e164;
    return <a href={`tel:${e164 ?? raw}`}>{text}</a>;
  }
  return text;
}

/**
 * T3, the link kept both ways: on a target's page, the lead it was converted into; on a lead's
 * page, the target it came from.
 */
export function ConversionLink({ to, id }: { to: ParentType; id: number }) {
  const { t } = useTranslation();
  return (
    <Link to={recordPath(to, id)} data-testid={to === 'lead' ? 'target-lead-link' : 'lead-target-link'}>
      {t(to === 'lead' ? 'targets.leadLink' : 'targets.fromTarget', { id })}
    </Link>
  );
}

interface SectionProps {
  type: ParentType;
  record: ContactRecord;
  fields: LeadFields;
  section: SectionDef;
}

/** A card of the record's fields; those the registry does not have are left out. */
export function RecordSection({ type, record, fields, section }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t(`leadDetail.sections.${section.key}`)} style={{ height: '100%' }}>
      <Descriptions
        column={1}
        size="small"
        items={section.fields
          .filter((name) => fields.get(name))
          .map((name) => ({ key: name, label: fields.label(name), children: fieldValue(record, name, fields) }))}
        data-testid={`${type}-section-${section.key}`}
      />
    </Card>
  );
}

/** The record's description, its line breaks kept. */
export function DescriptionCard({ type, record, fields }: Omit<SectionProps, 'section'>) {
  return (
    <Card size="small" title={fields.label('description')}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid={`${type}-description`}>
        {record.description || <Typography.Text type="secondary">—</Typography.Text>}
      </Typography.Paragraph>
    </Card>
  );
}

interface ActivityProps {
  type: ParentType;
  record: ContactRecord;
  fields: LeadFields;
  /** Whether calls and notes can be added (not on a deleted lead). */
  editable: boolean;
}

/** The record's timeline, with the buttons and dialogs that add to it. */
export function RecordActivity({ type, record, fields, editable }: ActivityProps) {
  const { t } = useTranslation();
  // A drawer keeps its call or note while it closes, so that it does not change meanwhile.
  const [callDrawer, setCallDrawer] = useState<{ open: boolean; call?: Call }>({ open: false });
  const [noteModal, setNoteModal] = useState<{ open: boolean; note?: Note }>({ open: false });
  const wide = Grid.useBreakpoint().sm !== false;
  return (
    <Card
      size="small"
      title={t('leadDetail.history')}
      extra={
        editable && (
          <Flex gap={8}>
            {/* At phone width the buttons keep only their icons, so the card's title keeps its room. */}
            <Button
              size="small"
              icon={<PhoneOutlined />}
              onClick={() => setCallDrawer({ open: true })}
              aria-label={t('calls.log')}
              title={t('calls.log')}
              data-testid={`${type}-log-call`}
            >
              {wide && t('calls.log')}
            </Button>
            <Button
              size="small"
              icon={<FileAddOutlined />}
              onClick={() => setNoteModal({ open: true })}
              aria-label={t('notes.add')}
              title={t('notes.add')}
              data-testid={`${type}-add-note`}
            >
              {wide && t('notes.add')}
            </Button>
          </Flex>
        )
      }
    >
      <LeadTimeline
        parentType={type}
        parentId={record.id}
        fields={fields}
        onEditCall={(call) => setCallDrawer({ open: true, call })}
        onEditNote={(note) => setNoteModal({ open: true, note })}
      />
      <CallFormDrawer
        open={callDrawer.open}
        call={callDrawer.call}
        parent={{ type, id: record.id, name: record.full_name }}
        onClose={() => setCallDrawer({ ...callDrawer, open: false })}
      />
      <NoteModal
        open={noteModal.open}
        parentType={type}
        parentId={record.id}
        note={noteModal.note}
        onClose={() => setNoteModal({ ...noteModal, open: false })}
      />
    </Card>
  );
}
