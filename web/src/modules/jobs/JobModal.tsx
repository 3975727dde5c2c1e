// Create or change a scheduled job (R6), as the manual's "Tạo lịch" form: name, job, interval,
// start and end date-time; an auto-assign job also names its rule and how many leads a run gives,
// a stalled-lead alert after how many days without activity a lead counts as stalled.
// (Call reminders are a job too, made with every database: every minute.)
import { useEffect } from 'react';
import { App as AntApp, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { createJob, updateJob } from '../../api/jobs';
import type { AssignmentRule, Job, JobInput, JobType } from '../../api/types';
import { useCurrentUser } from '../auth/AuthProvider';
import { showSaveError } from '../common/apiErrors';
import { dateTimeFormat } from '../common/format';
import { keepEnterInPickers } from '../common/pickerEnter';

const intervals = [1, 5, 10, 15, 30, 60, 120, 240, 1440];
// A stalled-lead alert tells every owner again at each run: hourly at the most (as the server says).
const alertIntervals = intervals.filter((m) => m >= 60);
const jobTypes: JobType[] = ['auto_assign', 'reminders', 'stalled_alert'];

interface Values {
  name: string;
  type: JobType;
  active: boolean;
  interval_min: number;
  starts_at: Dayjs;
  ends_at?: Dayjs | null;
  rule_id?: number;
  batch_size?: number | null;
  days?: number | null;
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
  const type = Form.useWatch('type', form);
  // The call reminders job and the stalled-lead alerts (they tell every team) are the admins' (the
  // server says so too).
  const types = useCurrentUser().role === 'admin' ? jobTypes : jobTypes.filter((value) => value === 'auto_assign');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      job
        ? {
            name: job.name,
            type: job.type,
            active: job.active,
            interval_min: job.interval_min,
            starts_at: dayjs(job.starts_at),
            ends_at: job.ends_at ? dayjs(job.ends_at) : null,
            rule_id: job.rule_id ?? undefined,
            batch_size: job.batch_size,
            days: job.days,
          }
        : { type: 'auto_assign', active: true, interval_min: 5, starts_at: dayjs().second(0).millisecond(0) },
    );
  }, [open, job, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const assigns = values.type === 'auto_assign';
      const input: JobInput = {
        name: values.name,
        type: values.type,
        active: values.active,
        interval_min: values.interval_min,
        starts_at: values.starts_at.toISOString(),
        ends_at: values.ends_at ? values.ends_at.toISOString() : null,
        rule_id: assigns ? (values.rule_id ?? null) : null,
        batch_size: assigns ? (values.batch_size ?? null) : null,
        days: values.type === 'stalled_alert' ? (values.days ?? null) : null,
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
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        onKeyDown={keepEnterInPickers}
        data-testid="job-form"
      >
        <Form.Item name="name" label={t('jobs.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="job-name" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="type" label={t('jobs.type')} style={{ minWidth: 200 }}>
            <Select
              options={types.map((value) => ({ value, label: t(`jobs.types.${value}`) }))}
              onChange={(value: JobType) => {
                if (value === 'stalled_alert' && form.getFieldValue('interval_min') < 60) {
                  form.setFieldValue('interval_min', 1440);
                }
              }}
              data-testid="job-type"
            />
          </Form.Item>
          <Form.Item name="interval_min" label={t('jobs.interval')} style={{ minWidth: 160 }}>
            <Select
              options={(type === 'stalled_alert' ? alertIntervals : intervals).map((m) => ({
                value: m,
                label: t('jobs.everyMinutes', { count: m }),
              }))}
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
        {type === 'auto_assign' && (
          <Flex gap={16} wrap>
            <Form.Item name="rule_id" label={t('jobs.rule')} rules={[{ required: true }]} style={{ flex: 2, minWidth: 220 }}>
              <Select options={rules.map((r) => ({ value: r.id, label: r.name }))} data-testid="job-rule" />
            </Form.Item>
            <Form.Item name="batch_size" label={t('jobs.batchSize')} extra={t('jobs.batchHint')} style={{ flex: 1 }}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} data-testid="job-batch" />
            </Form.Item>
          </Flex>
        )}
        {type === 'stalled_alert' && (
          <Form.Item name="days" label={t('jobs.days')} extra={t('jobs.daysHint')} style={{ maxWidth: 240 }}>
            <InputNumber min={1} max={365} precision={0} placeholder="3" style={{ width: '100%' }} data-testid="job-days" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
