// /leads/:id (L5): contact, owner, collection, care and custom information, then one timeline
// of calls, notes and changes, with "Ghi nhận cuộc gọi" and "Thêm ghi chú" (C1, C5).
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  Flex,
  Popconfirm,
  Row,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { deleteLead, fetchLead, restoreLead } from '../../api/leads';
import { listTargets } from '../../api/targets';
import { useCurrentUser } from '../auth/AuthProvider';
import { manages } from '../auth/roles';
import { OwnerActions } from '../assignment/OwnerActions';
import { QueryError } from '../common/QueryError';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';
import { DncFlag } from './DncFlag';
import {
  ConversionLink,
  DescriptionCard,
  RecordActivity,
  RecordSection,
  withCustom,
  type SectionDef,
} from './RecordDetail';
import { StatusTag } from './StatusTag';
import { useLeadFields } from './useLeadFields';

const sections: SectionDef[] = [
  { key: 'contact', fields: ['full_name', 'email', 'mobile', 'phone', 'company', 'title'] },
  { key: 'owner', fields: ['owner_id', 'team_id'] },
  { key: 'care', fields: ['status', 'stage', 'do_not_contact', 'dnc_reason'] },
  { key: 'collection', fields: ['source', 'medium', 'campaign_id', 'product_interest'] },
  { key: 'other', fields: ['address', 'province', 'birthday', 'gender', 'tags'] },
  { key: 'record', fields: ['created_by', 'created_at', 'updated_at', 'last_activity_at'] },
];

export function LeadDetailPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const leadId = Number(useParams().id);
  const { fields, error: metaError, refetch: refetchMeta } = useLeadFields();
  const lead = useQuery({ queryKey: ['lead', leadId], queryFn: () => fetchLead(leadId) });
  // The target it was converted from, if any and if the user sees it (no link otherwise).
  const origin = useQuery({
    queryKey: ['lead', leadId, 'target'],
    queryFn: () => listTargets({ lead_id: leadId, page_size: 1 }),
    retry: false,
  });
  const originId = origin.data?.items[0]?.id;
  const managesLead = manages(user.role);

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
  const shownSections = withCustom(sections, fields);

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
          {originId !== undefined && <ConversionLink to="target" id={originId} />}
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
            <RecordSection type="lead" record={data} fields={fields} section={section} />
          </Col>
        ))}
        <Col xs={24}>
          <DescriptionCard type="lead" record={data} fields={fields} />
        </Col>
        <Col xs={24}>
          <RecordActivity type="lead" record={data} fields={fields} editable={!data.deleted_at} />
        </Col>
      </Row>
    </Flex>
  );
}
