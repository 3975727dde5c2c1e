// /leads/:id (L5): contact, owner, collection, care and custom information, then one timeline
// of calls, notes and changes, with "Ghi nhận cuộc gọi" and "Thêm ghi chú" (C1, C5).
import { useState, type ReactNode } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Row,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined, FileAddOutlined, PhoneOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { deleteLead, fetchLead, restoreLead } from '../../api/leads';
import type { Call, Lead, Note } from '../../api/types';
import { useCurrentUser } from '../auth/AuthProvider';
import { manages } from '../auth/roles';
import { OwnerActions } from '../assignment/OwnerActions';
import { CallFormDrawer } from '../calls/CallFormDrawer';
import { CampaignName } from '../campaigns/CampaignName';
import { QueryError } from '../common/QueryError';
import { NoteModal } from '../notes/NoteModal';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';
import { DncFlag } from './DncFlag';
import { leadValue } from './formValues';
import { LeadTimeline } from './LeadTimeline';
import { StatusTag } from './StatusTag';
import { useLeadFields, type LeadFields } from './useLeadFields';

interface SectionDef {
  key: string;
  fields: string[];
}

const sections: SectionDef[] = [
  { key: 'contact', fields: ['full_name', 'email', 'mobile', 'phone', 'company', 'title'] },
  { key: 'owner', fields: ['owner_id', 'team_id'] },
  { key: 'care', fields: ['status', 'stage', 'do_not_contact', 'dnc_reason'] },
  { key: 'collection', fields: ['source', 'medium', 'campaign_id', 'product_interest'] },
  { key: 'other', fields: ['address', 'province', 'birthday', 'gender', 'tags'] },
  { key: 'record', fields: ['created_by', 'created_at', 'updated_at', 'last_activity_at'] },
];

function value(lead: Lead, name: string, fields: LeadFields): ReactNode {
  if (name === 'status') return <StatusTag status={lead.status} fields={fields} />;
  if (name === 'campaign_id' && lead.campaign_id !== null) return <CampaignName id={lead.campaign_id} />;
  const raw = leadValue(lead, name);
  const text = fields.display(name, raw);
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  if (name === 'email') return <a href={`mailto:${text}`}>{text}</a>;
  if ((name === 'mobile' || name === 'phone') && typeof raw === 'string') {
    const e164 = name === 'mobile' ? lead.mobile_e164 : lead.phone_e164;
    return <a href={`tel:${e164 ?? raw}`}>{text}</a>;
  }
  return text;
}

function Section({ lead, fields, section }: { lead: Lead; fields: LeadFields; section: SectionDef }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t(`leadDetail.sections.${section.key}`)} style={{ height: '100%' }}>
      <Descriptions
        column={1}
        size="small"
        items={section.fields
          .filter((name) => fields.get(name))
          .map((name) => ({ key: name, label: fields.label(name), children: value(lead, name, fields) }))}
        data-testid={`lead-section-${section.key}`}
      />
    </Card>
  );
}

export function LeadDetailPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const leadId = Number(useParams().id);
  const { fields, error: metaError, refetch: refetchMeta } = useLeadFields();
  const lead = useQuery({ queryKey: ['lead', leadId], queryFn: () => fetchLead(leadId) });
  const managesLead = manages(user.role);
  // A drawer keeps its call or note while it closes, so that it does not change meanwhile.
  const [callDrawer, setCallDrawer] = useState<{ open: boolean; call?: Call }>({ open: false });
  const [noteModal, setNoteModal] = useState<{ open: boolean; note?: Note }>({ open: false });

  const afterChange = () => {
    void queryClient.invalidateQueries({ queryKey: ['leads'] });
    void queryClient.invalidateQueries({ queryKey: ['lead', leadId] });
  };
  const remove = useMutation({
    mutationFn: () => deleteLead(leadId),
    onSuccess: () => {
      afterChange();
      void message.success(t('leadDetail.deleted'));
      navigate('/leads');
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  const restore = useMutation({
    mutationFn: () => restoreLead(leadId),
    onSuccess: (restored) => {
      queryClient.setQueryData(['lead', leadId], restored);
      afterChange();
      void message.success(t('leadDetail.restored'));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const error = metaError ?? lead.error;
  if (error) {
    return (
      <QueryError
        error={error}
        onRetry={() => void (metaError ? refetchMeta() : lead.refetch())}
        forbidden={t('errors.leadForbidden')}
        notFound={t('errors.leadNotFound')}
      />
    );
  }
  if (!fields || !lead.data) return <Spin size="large" style={{ display: 'block', marginTop: 48 }} />;
  const data = lead.data;
  const custom = { key: 'custom', fields: fields.all.filter((field) => field.custom).map((field) => field.name) };
  const shownSections = custom.fields.length > 0 ? [...sections, custom] : sections;

  return (
    <Flex vertical gap={16} data-testid="lead-detail">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="lead-name">
            {data.full_name}
          </Typography.Title>
          <span data-testid="lead-status">
            <StatusTag status={data.status} fields={fields} />
          </span>
          <Tag>{fields.optionLabel('stage', data.stage)}</Tag>
          {data.do_not_contact && <DncFlag reason={data.dnc_reason} asTag />}
        </Flex>
        <Flex gap={8}>
          <Link to="/leads">
            <Button>{t('common.backToList')}</Button>
          </Link>
          {!data.deleted_at && (
            <Link to={`/leads/${data.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="lead-edit">
                {t('common.edit')}
              </Button>
            </Link>
          )}
          {managesLead && !data.deleted_at && (
            <OwnerActions
              lead={data}
              onChanged={(saved) => {
                queryClient.setQueryData(['lead', leadId], saved);
                afterChange();
              }}
            />
          )}
          {managesLead && !data.deleted_at && (
            <Popconfirm
              title={t('leadDetail.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() => untilAnswered(remove.mutateAsync())}
            >
              <Button danger icon={<DeleteOutlined />} data-testid="lead-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
      {data.deleted_at && (
        <Alert
          type="warning"
          showIcon
          title={t('leadDetail.isDeleted')}
          action={
            managesLead && (
              <Button size="small" icon={<UndoOutlined />} loading={restore.isPending} onClick={() => restore.mutate()}>
                {t('leadDetail.restore')}
              </Button>
            )
          }
        />
      )}
      <Row gutter={[16, 16]}>
        {shownSections.map((section) => (
          <Col key={section.key} xs={24} lg={12} xl={8}>
            <Section lead={data} fields={fields} section={section} />
          </Col>
        ))}
        <Col xs={24}>
          <Card size="small" title={fields.label('description')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="lead-description">
              {data.description || <Typography.Text type="secondary">—</Typography.Text>}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={t('leadDetail.history')}
            extra={
              !data.deleted_at && (
                <Flex gap={8}>
                  <Button
                    size="small"
                    icon={<PhoneOutlined />}
                    onClick={() => setCallDrawer({ open: true })}
                    data-testid="lead-log-call"
                  >
                    {t('calls.log')}
                  </Button>
                  <Button
                    size="small"
                    icon={<FileAddOutlined />}
                    onClick={() => setNoteModal({ open: true })}
                    data-testid="lead-add-note"
                  >
                    {t('notes.add')}
                  </Button>
                </Flex>
              )
            }
          >
            <LeadTimeline
              leadId={data.id}
              fields={fields}
              onEditCall={(call) => setCallDrawer({ open: true, call })}
              onEditNote={(note) => setNoteModal({ open: true, note })}
            />
          </Card>
        </Col>
      </Row>
      <CallFormDrawer
        open={callDrawer.open}
        call={callDrawer.call}
        lead={{ id: data.id, name: data.full_name }}
        onClose={() => setCallDrawer({ ...callDrawer, open: false })}
      />
      <NoteModal
        open={noteModal.open}
        leadId={data.id}
        note={noteModal.note}
        onClose={() => setNoteModal({ ...noteModal, open: false })}
      />
    </Flex>
  );
}
