// Step 3 (I4): create only, or create and update; the fields that find a duplicate (and, when
// updating, the lead to update); the owner, campaign, source and tags every imported row gets;
// whether rows left without an owner go through the assignment rules (leads only: no rule hands
// targets out).
import { App as AntApp, Button, Checkbox, Col, Divider, Flex, Form, Input, Radio, Row, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateImport, type ImportJob, type ImportMode, type MatchField } from '../../api/imports';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { clearServerErrors, showSaveError } from '../common/apiErrors';
import { useDirectory } from '../common/useDirectory';
import type { LeadFields } from '../leads/useLeadFields';
import { useFollowImportChanges, useStoreImport } from './importQueries';
import { tagSeparators } from '../leads/formValues';

export interface OptionValues {
  mode: ImportMode;
  match_on: MatchField[];
  owner_id?: number | null;
  campaign_id?: number | null;
  source?: string | null;
  tags?: string[];
  auto_assign: boolean;
}

const matchFields: MatchField[] = ['mobile', 'email', 'full_name', 'id'];

/** The API names the defaults `defaults.<name>`; the form names them plainly. */
const formField = (field: string) => field.replace(/^defaults\./, '');

interface Props {
  job: ImportJob;
  fields: LeadFields;
  /** What the form held when the user last went back from this step, not saved yet. */
  draft?: OptionValues;
  onBack: (draft: OptionValues) => void;
  onNext: () => void;
}

export function OptionsStep({ job, fields, draft, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { assignableOptions: ownerOptions } = useDirectory();
  const storeImport = useStoreImport();
  const followChanges = useFollowImportChanges(job.id);
  const [form] = Form.useForm<OptionValues>();
  const mode = Form.useWatch('mode', form) ?? job.mode;
  // The mapping step let it through on the lead ID alone: only updates can do without a name.
  const nameMapped = Object.values(job.mapping).includes('full_name');
  const leads = job.entity === 'leads';

  const save = useMutation({
    mutationFn: (values: OptionValues) =>
      updateImport(job.id, {
        mode: values.mode,
        match_on: values.match_on,
        defaults: {
          owner_id: values.owner_id ?? null,
          campaign_id: values.campaign_id ?? null,
          source: values.source?.trim() || null,
          tags: values.tags ?? [],
        },
        ...(leads ? { auto_assign: values.auto_assign } : {}),
      }),
    onSuccess: (saved) => {
      storeImport(saved);
      onNext();
    },
    onError: (error) => {
      followChanges(error);
      showSaveError(error, { form, message, t, label: fields.label, formField });
    },
  });

  return (
    <Form<OptionValues>
      form={form}
      layout="vertical"
      initialValues={draft ?? { mode: job.mode, match_on: job.match_on, auto_assign: job.auto_assign, ...job.defaults }}
      onFinish={(values) => save.mutate(values)}
      onValuesChange={(changed) => clearServerErrors(form, changed)}
      data-testid="import-options"
    >
      <Form.Item
        name="mode"
        label={t('imports.options.mode')}
        extra={t(
          `imports.options.${mode === 'create' ? 'createHint' : 'createUpdateHint'}${leads ? '' : 'Targets'}`,
        )}
        rules={[
          {
            validator: (_, value: ImportMode) =>
              value === 'create' && !nameMapped
                ? Promise.reject(new Error(t('imports.options.createNeedsName', { field: fields.label('full_name') })))
                : Promise.resolve(),
          },
        ]}
      >
        <Radio.Group
          options={[
            { value: 'create', label: t('imports.options.create') },
            { value: 'create_update', label: t('imports.options.createUpdate') },
          ]}
          data-testid="import-mode"
        />
      </Form.Item>
      <Form.Item
        name="match_on"
        label={t('imports.options.matchOn')}
        extra={t('imports.options.matchOnHint')}
        dependencies={['mode']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: MatchField[] | undefined) => {
              if (getFieldValue('mode') !== 'create_update') return Promise.resolve();
              if (!value?.length) return Promise.reject(new Error(t('imports.options.matchOnRequired')));
              // Rows without a name can only update the lead their ID names.
              if (!nameMapped && !value.includes('id')) {
                return Promise.reject(new Error(t('imports.options.matchOnId', { field: fields.label('full_name') })));
              }
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Checkbox.Group
          options={matchFields.map((field) => ({ value: field, label: t(`imports.options.match.${field}`) }))}
          data-testid="import-match-on"
        />
      </Form.Item>
      <Divider titlePlacement="start">{t('imports.options.defaults')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="owner_id" label={fields.label('owner_id')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('imports.options.noDefault')}
              options={ownerOptions}
              data-testid="import-default-owner"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="campaign_id" label={fields.label('campaign_id')}>
            <CampaignSelect placeholder={t('imports.options.noDefault')} data-testid="import-default-campaign" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="source" label={fields.label('source')}>
            {fields.get('source')?.type === 'enum' ? (
              <Select allowClear placeholder={t('imports.options.noDefault')} options={fields.options('source')} />
            ) : (
              <Input maxLength={100} placeholder={t('imports.options.noDefault')} data-testid="import-default-source" />
            )}
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="tags" label={fields.label('tags')}>
            <Select mode="tags" tokenSeparators={tagSeparators} open={false} suffixIcon={null} data-testid="import-default-tags" />
          </Form.Item>
        </Col>
      </Row>
      {leads && (
        <Form.Item name="auto_assign" valuePropName="checked" extra={t('imports.options.autoAssignHint')}>
          <Checkbox data-testid="import-auto-assign">{t('imports.options.autoAssign')}</Checkbox>
        </Form.Item>
      )}
      <Flex justify="space-between" gap={8}>
        <Button onClick={() => onBack(form.getFieldsValue(true))}>{t('imports.back')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="import-next">
          {t('imports.next')}
        </Button>
      </Flex>
    </Form>
  );
}
