// L8: change, delete, unassign or queue for auto-assignment (R5) the selected leads, or all that
// match the filter. A dry run
// first says how many will change; nothing is written until the user confirms.
// T4: the same for targets — owner, status, source and campaign, or delete.
import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listRules } from '../../api/assignment';
import { massUpdateLeads } from '../../api/leads';
import { massUpdateTargets } from '../../api/targets';
import type { LeadFilter, MassUpdateRequest, MassUpdateSet } from '../../api/types';
import { useLanguage } from '../../i18n';
import { useCurrentUser } from '../auth/AuthProvider';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { manages } from '../auth/roles';
import { clearServerErrors, showSaveError } from '../common/apiErrors';
import { formatCount } from '../common/format';
import { keepEnterInPickers } from '../common/pickerEnter';
import { useDirectory } from '../common/useDirectory';
import type { LeadFields } from './useLeadFields';
import { tagSeparators } from './formValues';
import { useMayUseRule } from '../assignment/ruleQueries';

type TagsMode = 'tags' | 'add_tags' | 'remove_tags';

interface Values {
  scope: 'selected' | 'filter';
  action: 'update' | 'delete' | 'unassign' | 'queue_assignment';
  rule_id?: number;
  owner_id?: number | 'none';
  status?: MassUpdateSet['status'];
  stage?: MassUpdateSet['stage'];
  source?: string;
  campaign_id?: number | null;
  tags_mode: TagsMode;
  tags?: string[];
  do_not_contact?: 'true' | 'false';
  dnc_reason?: string;
}

function toSet(values: Values): MassUpdateSet {
  const set: MassUpdateSet = {};
  if (values.owner_id !== undefined) set.owner_id = values.owner_id === 'none' ? null : values.owner_id;
  if (values.status) set.status = values.status;
  if (values.stage) set.stage = values.stage;
  if (values.source?.trim()) set.source = values.source.trim();
  if (values.campaign_id != null) set.campaign_id = values.campaign_id;
  if (values.tags?.length) set[values.tags_mode] = values.tags;
  if (values.do_not_contact) {
    set.do_not_contact = values.do_not_contact === 'true';
    if (set.do_not_contact) set.dnc_reason = values.dnc_reason?.trim();
  }
  return set;
}

/** The API names set fields `set.<name>` or plainly; the form names them plainly. */
const formField = (field: string) => field.replace(/^set\./, '');

/** What the targets' mass update offers besides the owner (T4); status Transferred comes by converting only. */
const targetSettable = new Set(['status', 'source', 'campaign_id']);

interface Props {
  /** Leads (the default) or targets. */
  entity?: 'leads' | 'targets';
  fields: LeadFields;
  selectedIds: number[];
  filter: LeadFilter;
  /** How many records match the filter (a lower bound when capped), for the scope's label. */
  matching: number;
  onDone: () => void;
}

function MassUpdateForm({ entity = 'leads', fields, selectedIds, filter, matching, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const { assignableOptions: ownerOptions } = useDirectory();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<{ request: MassUpdateRequest; matched: number } | null>(null);
  const action = Form.useWatch('action', form);
  const dnc = Form.useWatch('do_not_contact', form);
  const rules = useQuery({ queryKey: ['assignment-rules'], queryFn: listRules, enabled: action === 'queue_assignment' });
  // Only the rules the user may hand leads out through (a manager's team's), as the server checks.
  const mayUseRule = useMayUseRule();
  const targets = entity === 'targets';
  const massUpdate = targets ? massUpdateTargets : massUpdateLeads;
  /** The wording that names the records: "leads" or "targets". */
  const word = (key: string) => (targets ? `massUpdate.targets.${key}` : `massUpdate.${key}`);
  const shows = (name: string) => !targets || targetSettable.has(name);

  const dryRun = useMutation({
    mutationFn: (request: MassUpdateRequest) => massUpdate({ ...request, dry_run: true }),
    // An unassign changes only the leads someone else can take, a queue only the open leads not
    // queued yet: their dry runs count those.
    onSuccess: (result, request) =>
      setPreview({
        request,
        matched:
          request.action === 'unassign' || request.action === 'queue_assignment' ? result.updated : result.matched,
      }),
    onError: (error) => showSaveError(error, { form, message, t, label: fields.label, formField }),
  });
  const run = useMutation({
    mutationFn: (request: MassUpdateRequest) => massUpdate(request),
    onSuccess: (result, request) => {
      void queryClient.invalidateQueries({ queryKey: [entity] });
      void queryClient.invalidateQueries({ queryKey: [targets ? 'target' : 'lead'] });
      if (request.action === 'queue_assignment') void queryClient.invalidateQueries({ queryKey: ['assignment-rules'] });
      void message.success(
        t(
          request.action === 'delete'
            ? word('deleted')
            : request.action === 'queue_assignment'
              ? 'massUpdate.queued'
              : word('updated'),
          {
            count: result.updated,
            total: formatCount(result.updated, language),
          },
        ),
      );
      onDone();
    },
    onError: (error) => {
      setPreview(null);
      showSaveError(error, { form, message, t, label: fields.label, formField });
    },
  });

  const submit = (values: Values) => {
    const target = values.scope === 'selected' ? { ids: selectedIds } : { filter };
    if (values.action === 'queue_assignment') {
      return dryRun.mutate({ ...target, action: values.action, rule_id: values.rule_id });
    }
    if (values.action !== 'update') return dryRun.mutate({ ...target, action: values.action });
    const set = toSet(values);
    if (Object.keys(set).length === 0) return void message.warning(t('massUpdate.nothingToDo'));
    dryRun.mutate({ ...target, set });
  };

  if (preview) {
    const count = formatCount(preview.matched, language);
    const deleting = preview.request.action === 'delete';
    return (
      <Flex vertical gap={16}>
        <Alert
          type={preview.matched === 0 ? 'info' : deleting ? 'error' : 'warning'}
          showIcon
          title={
            preview.matched === 0
              ? t(word('noneMatch'))
              : t(word(deleting ? 'willDelete' : 'willUpdate'), { count: preview.matched, total: count })
          }
          data-testid="mass-update-count"
        />
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => setPreview(null)} data-testid="mass-update-back">
            {t('massUpdate.back')}
          </Button>
          <Button
            type="primary"
            danger={deleting}
            disabled={preview.matched === 0}
            loading={run.isPending}
            onClick={() => run.mutate(preview.request)}
            data-testid="mass-update-confirm"
          >
            {t('massUpdate.confirm')}
          </Button>
        </Flex>
      </Flex>
    );
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ scope: selectedIds.length > 0 ? 'selected' : 'filter', action: 'update', tags_mode: 'add_tags' }}
      onFinish={submit}
      onValuesChange={(changed) => clearServerErrors(form, changed)}
      onKeyDown={keepEnterInPickers}
      data-testid="mass-update-form"
    >
      <Form.Item name="scope" label={t('massUpdate.scope')}>
        <Radio.Group>
          <Radio value="selected" disabled={selectedIds.length === 0}>
            {t('massUpdate.selected', { count: selectedIds.length })}
          </Radio>
          <Radio value="filter">
            {t(word('allMatching'), { total: formatCount(matching, language) })}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="action" label={t('massUpdate.action')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'update', label: t('massUpdate.update') },
            // Handing leads out and deleting them are for managers and admins (marketers update).
            ...(manages(user.role)
              ? [
                  // Targets have no assignment rules to hand them out by.
                  ...(targets
                    ? []
                    : [
                        { value: 'unassign', label: t('assignment.unassign') },
                        { value: 'queue_assignment', label: t('assignment.queue') },
                      ]),
                  { value: 'delete', label: t('common.delete') },
                ]
              : []),
          ]}
        />
      </Form.Item>
      {action === 'queue_assignment' ? (
        <>
          <Alert type="info" showIcon title={t('assignment.queueHint')} style={{ marginBottom: 16 }} />
          <Form.Item name="rule_id" label={t('assignment.queueRule')} rules={[{ required: true }]}>
            <Select
              loading={rules.isLoading}
              options={(rules.data?.items ?? [])
                .filter((r) => r.active && mayUseRule(r))
                .map((r) => ({ value: r.id, label: r.name }))}
              data-testid="mass-update-rule"
            />
          </Form.Item>
        </>
      ) : action === 'delete' || action === 'unassign' ? (
        <Alert
          type={action === 'delete' ? 'warning' : 'info'}
          showIcon
          title={t(action === 'delete' ? word('deleteHint') : 'assignment.massUnassignHint')}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="owner_id" label={fields.label('owner_id')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('massUpdate.unchanged')}
                options={[
                  { value: 'none', label: t('leads.unassigned') },
                  ...ownerOptions,
                ]}
                data-testid="mass-update-owner"
              />
            </Form.Item>
          </Col>
          {(['status', 'stage'] as const).filter(shows).map((name) => (
            <Col xs={24} md={12} key={name}>
              <Form.Item name={name} label={fields.label(name)}>
                <Select
                  allowClear
                  placeholder={t('massUpdate.unchanged')}
                  options={fields.options(name).filter((option) => !(targets && option.value === 'transferred'))}
                  data-testid={`mass-update-${name}`}
                />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} md={12}>
            <Form.Item name="source" label={fields.label('source')}>
              {fields.get('source')?.type === 'enum' ? (
                <Select allowClear placeholder={t('massUpdate.unchanged')} options={fields.options('source')} />
              ) : (
                <Input placeholder={t('massUpdate.unchanged')} data-testid="mass-update-source" />
              )}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="campaign_id" label={fields.label('campaign_id')}>
              <CampaignSelect placeholder={t('massUpdate.unchanged')} data-testid="mass-update-campaign" />
            </Form.Item>
          </Col>
          {!targets && (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="do_not_contact" label={fields.label('do_not_contact')}>
                  <Select
                    allowClear
                    placeholder={t('massUpdate.unchanged')}
                    options={[
                      { value: 'true', label: t('massUpdate.markDnc') },
                      { value: 'false', label: t('massUpdate.clearDnc') },
                    ]}
                    data-testid="mass-update-dnc"
                  />
                </Form.Item>
              </Col>
              {dnc === 'true' && (
                <Col xs={24}>
                  <Form.Item
                    name="dnc_reason"
                    label={fields.label('dnc_reason')}
                    rules={[{ required: true, whitespace: true, message: t('fieldErrors.required') }]}
                  >
                    <Input maxLength={500} data-testid="mass-update-dnc-reason" />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24}>
                <Form.Item label={fields.label('tags')} style={{ marginBottom: 0 }}>
                  <Flex gap={8} wrap>
                    <Form.Item name="tags_mode" noStyle>
                      <Select
                        style={{ width: 150 }}
                        options={[
                          { value: 'add_tags', label: t('massUpdate.addTags') },
                          { value: 'remove_tags', label: t('massUpdate.removeTags') },
                          { value: 'tags', label: t('massUpdate.setTags') },
                        ]}
                        data-testid="mass-update-tags-mode"
                      />
                    </Form.Item>
                    <Form.Item name="tags" noStyle>
                      <Select
                        mode="tags"
                        tokenSeparators={tagSeparators}
                        open={false}
                        suffixIcon={null}
                        style={{ flex: 1, minWidth: 200 }}
                        data-testid="mass-update-tags"
                      />
                    </Form.Item>
                  </Flex>
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      )}
      <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" style={{ marginInlineEnd: 'auto' }}>
          {t(word('dryRunHint'))}
        </Typography.Text>
        <Button type="primary" htmlType="submit" loading={dryRun.isPending} data-testid="mass-update-preview">
          {t('massUpdate.next')}
        </Button>
      </Flex>
    </Form>
  );
}

export function MassUpdateModal({ open, onClose, ...rest }: Props & { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('massUpdate.title')} onCancel={onClose} footer={null} width={680} destroyOnHidden>
      <MassUpdateForm {...rest} />
    </Modal>
  );
}
