// Create or change a scheduled job (R6), as the manual's "Tạo lịch" form: name, job, interval,
// start and end date-time; an auto-assign job also names its rule and how many leads a run gives.
import { useEffect } from 'react';
import { App as AntApp, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { createJob, updateJob } from '../../api/jobs';
import type { AssignmentRule, Job, JobInput } from '../../api/types';
import { showSaveError } from '../common/apiErrors';
import { dateTimeFormat } from '../common/format';

const intervals = [5, 10, 15, 30, 60, 120, 240, 1440];

interface Values {
  name: string;
  active: boolean;
  interval_min: number;
  starts_at: Dayjs;
  ends_at?: Dayjs | null;
  rule_id?: number;
  batch_size?: number | null;
}

interface Props {
  open: boolean;
  job?: Job;
  rules: AssignmentRule[];
  onClose: () => void;
}

export function JobModal({ open, job, rules, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      job
        ? {
            name: job.name,
            active: job.active,
            interval_min: job.interval_min,
            starts_at: dayjs(job.starts_at),
            ends_at: job.ends_at ? dayjs(job.ends_at) : null,
            rule_id: job.rule_id ?? undefined,
            batch_size: job.batch_size,
          }
        : { active: true, interval_min: 5, starts_at: dayjs().second(0).millisecond(0) },
    );
  }, [open, job, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const input: JobInput = {
        name: values.name,
        type: 'auto_assign',
        active: values.active,
        interval_min: values.interval_min,
        starts_at: values.starts_at.toISOString(),
        ends_at: values.ends_at ? values.ends_at.toISOString() : null,
        rule_id: values.rule_id ?? null,
        batch_size: values.batch_size ?? null,
      };
      return job ? updateJob(job.id, input) : createJob(input);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      void message.success(t('jobs.saved'));
      onClose();
    },
    onError: (error) => showSaveError(error, { form, message, t }),
  });

  return (
    <Modal
      open={open}
      title={job ? t('jobs.edit') : t('jobs.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      width={600}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)} data-testid="job-form">
        <Form.Item name="name" label={t('jobs.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="job-name" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item label={t('jobs.type')} style={{ minWidth: 200 }}>
            <Select value="auto_assign" options={[{ value: 'auto_assign', label: t('jobs.types.auto_assign') }]} />
          </Form.Item>
          <Form.Item name="interval_min" label={t('jobs.interval')} style={{ minWidth: 160 }}>
            <Select
              options={intervals.map((m) => ({ value: m, label: t('jobs.everyMinutes', { count: m }) }))}
              data-testid="job-interval"
            />
          </Form.Item>
          <Form.Item name="active" label={t('jobs.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="starts_at" label={t('jobs.startsAt')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={dateTimeFormat} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="ends_at" label={t('jobs.endsAt')} style={{ flex: 1 }}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={dateTimeFormat}
              placeholder={t('jobs.noEnd')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="rule_id" label={t('jobs.rule')} rules={[{ required: true }]} style={{ flex: 2, minWidth: 220 }}>
            <Select options={rules.map((r) => ({ value: r.id, label: r.name }))} data-testid="job-rule" />
          </Form.Item>
          <Form.Item name="batch_size" label={t('jobs.batchSize')} extra={t('jobs.batchHint')} style={{ flex: 1 }}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} data-testid="job-batch" />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
