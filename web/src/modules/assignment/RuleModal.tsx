// Create or change an assignment rule (R2): which leads it takes, its members with their
// weight and daily cap, and how it picks.
import { useEffect } from 'react';
import { App as AntApp, Button, Flex, Form, Input, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createRule, updateRule } from '../../api/assignment';
import type { AssignmentMethod, AssignmentRule } from '../../api/types';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { showSaveError } from '../common/apiErrors';
import { useDirectory } from '../common/useDirectory';
import { ruleChanges, ruleInput, ruleValues, type RuleValues } from './ruleInput';

const methods: AssignmentMethod[] = ['round_robin', 'least_loaded', 'weighted'];
/** The weight and daily cap boxes, as wide as their names over them. */
const numberWidth = 110;

interface Props {
  open: boolean;
  rule?: AssignmentRule;
  onClose: () => void;
}

export function RuleModal({ open, rule, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const directory = useDirectory();
  const [form] = Form.useForm<RuleValues>();
  const method = Form.useWatch('method', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      rule ? ruleValues(rule) : { method: 'round_robin', creator_priority: true, active: true, members: [{}] },
    );
  }, [open, rule, form]);

  const save = useMutation({
    mutationFn: (values: RuleValues) => {
      if (!rule) return createRule(ruleInput(values));
      const changes = ruleChanges(rule, values);
      return Object.keys(changes).length > 0 ? updateRule(rule.id, changes) : Promise.resolve(rule);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['assignment-rules'] });
      void message.success(t('assignment.saved'));
      onClose();
    },
    onError: (error) => showSaveError(error, { form, message, t }),
  });

  return (
    <Modal
      open={open}
      title={rule ? t('assignment.editRule') : t('assignment.createRule')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        onValuesChange={(changed: Partial<RuleValues>) => {
          // A row's "already a member" may be gone with a change on another row: those look again.
          if (!changed.members) return;
          const flagged = form.getFieldsError().filter(({ name, errors }) => name[0] === 'members' && errors.length > 0);
          if (flagged.length > 0) void form.validateFields(flagged.map(({ name }) => name)).catch(() => undefined);
        }}
        data-testid="rule-form"
      >
        <Form.Item name="name" label={t('assignment.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="rule-name" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="source" label={t('assignment.source')} extra={t('assignment.sourceHint')} style={{ flex: 2, minWidth: 220 }}>
            <Input maxLength={100} data-testid="rule-source" />
          </Form.Item>
          <Form.Item
            name="campaign_id"
            label={t('assignment.campaign')}
            extra={t('assignment.campaignHint')}
            style={{ flex: 1, minWidth: 200 }}
          >
            <CampaignSelect data-testid="rule-campaign" />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="method" label={t('assignment.method')} style={{ minWidth: 220 }}>
            <Select
              options={methods.map((m) => ({ value: m, label: t(`assignment.methods.${m}`) }))}
              data-testid="rule-method"
            />
          </Form.Item>
          <Form.Item name="creator_priority" label={t('assignment.creatorPriority')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="active" label={t('assignment.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Form.List name="members">
          {(rows, { add, remove }) => (
            <Flex vertical gap={4}>
              {rows.length > 0 && (
                // The number boxes' names over them: a saved rule's "3" and "2" say nothing alone.
                <Flex gap={8} data-testid="rule-member-header">
                  <Typography.Text type="secondary" style={{ flex: 1 }}>
                    {t('assignment.member')}
                  </Typography.Text>
                  {method === 'weighted' && (
                    <Typography.Text type="secondary" style={{ width: numberWidth }}>
                      {t('assignment.weight')}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ width: numberWidth }}>
                    {t('assignment.dailyCap')}
                  </Typography.Text>
                  <span style={{ width: 32 }} />
                </Flex>
              )}
              {rows.map((row, index) => (
                <Flex key={row.key} gap={8} align="start">
                  <Form.Item
                    name={[row.name, 'user_id']}
                    rules={[
                      { required: true, message: t('assignment.memberRequired') },
                      ({ getFieldValue }) => ({
                        validator: (_, value: number | undefined) => {
                          const members = (getFieldValue('members') ?? []) as { user_id?: number }[];
                          return value !== undefined && members.filter((m) => m?.user_id === value).length > 1
                            ? Promise.reject(new Error(t('assignment.memberTwice')))
                            : Promise.resolve();
                        },
                      }),
                    ]}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('assignment.member')}
                      options={directory.assignableOptions}
                      data-testid={`rule-member-${index}`}
                    />
                  </Form.Item>
                  {method === 'weighted' && (
                    <Form.Item name={[row.name, 'weight']} style={{ marginBottom: 8 }}>
                      <InputNumber
                        min={1}
                        max={100}
                        placeholder="1"
                        aria-label={t('assignment.weight')}
                        style={{ width: numberWidth }}
                      />
                    </Form.Item>
                  )}
                  <Form.Item name={[row.name, 'daily_cap']} style={{ marginBottom: 8 }}>
                    <InputNumber
                      min={1}
                      max={100000}
                      placeholder="∞"
                      aria-label={t('assignment.dailyCap')}
                      style={{ width: numberWidth }}
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="rule-add-member">
                {t('assignment.addMember')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
