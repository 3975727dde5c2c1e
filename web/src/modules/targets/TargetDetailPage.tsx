// /targets/:id (T1–T3): the target's fields and status, the lead it became (once converted), and
// its timeline of calls, notes and changes with "Log call" and "Add note" — a completed call
// moves it to Wait for deliver or Invalid (T2); Edit, and Delete for admins and managers.
import { App as AntApp, Button, Col, Flex, Popconfirm, Row, Spin, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { deleteTarget, fetchTarget } from '../../api/targets';
import { useCurrentUser } from '../auth/AuthProvider';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';
import { QueryError } from '../common/QueryError';
import { recordKey, recordListKey } from '../common/records';
import { DncFlag } from '../leads/DncFlag';
import {
  ConversionLink,
  DescriptionCard,
  RecordActivity,
  RecordSection,
  withCustom,
  type SectionDef,
} from '../leads/RecordDetail';
import { StatusTag } from '../leads/StatusTag';
import { useTargetFields } from '../leads/useLeadFields';
import { deletesTargets } from './access';

const sections: SectionDef[] = [
  { key: 'contact', fields: ['full_name', 'email', 'mobile', 'phone', 'company', 'title'] },
  { key: 'owner', fields: ['owner_id', 'team_id'] },
  { key: 'care', fields: ['status', 'lead_id', 'do_not_contact', 'dnc_reason'] },
  { key: 'collection', fields: ['source', 'medium', 'campaign_id', 'product_interest'] },
  { key: 'other', fields: ['address', 'province', 'birthday', 'gender', 'tags'] },
  { key: 'record', fields: ['created_by', 'created_at', 'updated_at', 'last_activity_at'] },
];

export function TargetDetailPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const targetId = Number(useParams().id);
  const { fields, error: metaError, refetch: refetchMeta } = useTargetFields();
  const target = useQuery({ queryKey: recordKey('target', targetId), queryFn: () => fetchTarget(targetId) });
  const remove = useMutation({
    mutationFn: () => deleteTarget(targetId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordListKey('target') });
      queryClient.removeQueries({ queryKey: recordKey('target', targetId) });
      void message.success(t('targets.deleted'));
      navigate('/targets');
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const error = metaError ?? target.error;
  if (error) {
    return (
      <QueryError
        error={error}
        onRetry={() => void (metaError ? refetchMeta() : target.refetch())}
        forbidden={t('errors.targetForbidden')}
        notFound={t('errors.targetNotFound')}
        listPath="/targets"
      />
    );
  }
  if (!fields || !target.data) return <Spin size="large" style={{ display: 'block', marginTop: 48 }} />;
  const data = target.data;

  return (
    <Flex vertical gap={16} data-testid="target-detail">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="target-name">
            {data.full_name}
          </Typography.Title>
          <span data-testid="target-status">
            <StatusTag status={data.status} fields={fields} />
          </span>
          {data.lead_id !== null && <ConversionLink to="lead" id={data.lead_id} />}
          {data.do_not_contact && <DncFlag reason={data.dnc_reason} asTag />}
        </Flex>
        <Flex gap={8}>
          <Link to="/targets">
            <Button>{t('common.backToList')}</Button>
          </Link>
          <Link to={`/targets/${data.id}/edit`}>
            <Button type="primary" icon={<EditOutlined />} data-testid="target-edit">
              {t('common.edit')}
            </Button>
          </Link>
          {deletesTargets(user.role) && (
            <Popconfirm
              title={t('targets.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() => untilAnswered(remove.mutateAsync())}
            >
              <Button danger icon={<DeleteOutlined />} data-testid="target-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        {withCustom(sections, fields).map((section) => (
          <Col key={section.key} xs={24} lg={12} xl={8}>
            <RecordSection type="target" record={data} fields={fields} section={section} />
          </Col>
        ))}
        <Col xs={24}>
          <DescriptionCard type="target" record={data} fields={fields} />
        </Col>
        <Col xs={24}>
          <RecordActivity type="target" record={data} fields={fields} editable />
        </Col>
      </Row>
    </Flex>
  );
}
