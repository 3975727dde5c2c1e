// C1: log a call (or edit one): subject, lead, direction, status, result, start time, duration,
// description and reminders. Calling a do-not-contact lead asks first (L12); a status change
// the call caused (C3 on a lead, T2 on a target) is told to the user.
import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createCall, deleteCall, updateCall } from '../../api/calls';
import {
  ApiError,
  type Call,
  type CallDirection,
  type CallInput,
  type CallResult,
  type CallStatus,
  type ParentType,
} from '../../api/types';
import { clearServerErrors, errorText, showSaveError } from '../common/apiErrors';
import { dateTimeFormat } from '../common/format';
import { untilAnswered } from '../common/confirm';
import { keepEnterInPickers } from '../common/pickerEnter';
import { useCurrentUser } from '../auth/AuthProvider';
import { recordKey, recordListKey } from '../common/records';
import { useRecordFields } from '../leads/useLeadFields';
import { LeadPicker } from './LeadPicker';
import { useCallFields, type CallFields } from './useCallFields';

interface Values {
  parent_id?: number;
  subject: string;
  direction: CallDirection;
  status: CallStatus;
  result?: CallResult | null;
  start_at: Dayjs;
  duration_min?: number | null;
  duration_sec?: number | null;
  description?: string | null;
  /** One of the offered minutes before the call, or `atChosenTime` with the time in `*_at`. */
  remind_popup_min?: string | null;
  remind_popup_at?: Dayjs | null;
  remind_email_min?: string | null;
  remind_email_at?: Dayjs | null;
}

type ReminderField = 'remind_popup_min' | 'remind_email_min';
const reminderFields: ReminderField[] = ['remind_popup_min', 'remind_email_min'];
const atField = (name: ReminderField) => (name === 'remind_popup_min' ? 'remind_popup_at' : 'remind_email_at');
/** C4 "or at a chosen time": sent as the minutes from that time to the call, up to a week. */
const atChosenTime = 'at';
const maxReminderMinutes = 7 * 24 * 60;
/** Whole minutes from `at` to the call, as the pickers show them (seconds dropped). */
const minutesBefore = (start: Dayjs, at: Dayjs) => start.startOf('minute').diff(at.startOf('minute'), 'minute');

function toValues(call: Call, fields: CallFields): Values {
  const duration = call.duration_s ?? null;
  const reminders: Partial<Values> = {};
  for (const name of reminderFields) {
    const minutes = call[name];
    if (minutes === null) continue;
    const offered = fields.options(name).some((option) => option.value === String(minutes));
    reminders[name] = offered ? String(minutes) : atChosenTime;
    if (!offered) reminders[atField(name)] = dayjs(call.start_at).subtract(minutes, 'minute');
  }
  return {
    subject: call.subject,
    direction: call.direction,
    status: call.status,
    result: call.result,
    start_at: dayjs(call.start_at),
    duration_min: duration === null ? null : Math.floor(duration / 60),
    duration_sec: duration === null ? null : duration % 60,
    description: call.description,
    ...reminders,
  };
}

function toInput(values: Values): CallInput {
  const noDuration = values.duration_min == null && values.duration_sec == null;
  // Reminders belong to a scheduled call ("request callback", C4).
  const reminder = (name: ReminderField) => {
    const value = values[name];
    if (values.status !== 'scheduled' || value == null || value === '') return null;
    const at = values[atField(name)];
    return value === atChosenTime && at ? minutesBefore(values.start_at, at) : Number(value);
  };
  return {
    subject: values.subject.trim(),
    direction: values.direction,
    status: values.status,
    result: values.result ?? null,
    start_at: values.start_at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    duration_s: noDuration ? null : (values.duration_min ?? 0) * 60 + (values.duration_sec ?? 0),
    description: values.description?.trim() || null,
    remind_popup_min: reminder('remind_popup_min'),
    remind_email_min: reminder('remind_email_min'),
  };
}

/** Form field for an API field name: both parts of the duration stand for duration_s. */
const formField = (field: string) => (field === 'duration_s' ? 'duration_min' : field);

interface Attempt {
  input: CallInput;
  confirmDnc: boolean;
}

/** The record a new call is about. */
export interface CallParent {
  type: ParentType;
  id: number;
  name: string;
}

interface FormProps {
  call?: Call;
  parent?: CallParent;
  fields: CallFields;
  onDone: () => void;
}

function CallForm({ call, parent, fields, onDone }: FormProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const parentType: ParentType = call?.parent_type ?? parent?.type ?? 'lead';
  // The registry of the record's type names the statuses a call moves it between.
  const { fields: parentFields } = useRecordFields(parentType);
  const [form] = Form.useForm<Values>();
  const [dnc, setDnc] = useState<{ attempt: Attempt; reason: string | null } | null>(null);
  const status = Form.useWatch('status', form);
  const reminders = {
    remind_popup_min: Form.useWatch('remind_popup_min', form),
    remind_email_min: Form.useWatch('remind_email_min', form),
  };
  // C4: an e-mail reminder for someone without an address would only fail on the server. The
  // call is the user's own when they log it (another owner's address is not known here).
  const me = useCurrentUser();
  const noEmail = reminders.remind_email_min != null && !me.email && (call?.owner_id ?? me.id) === me.id;

  const afterChange = (parentId: number) => {
    void queryClient.invalidateQueries({ queryKey: ['calls'] });
    void queryClient.invalidateQueries({ queryKey: recordKey(parentType, parentId) });
    void queryClient.invalidateQueries({ queryKey: recordListKey(parentType) });
  };

  const save = useMutation({
    mutationFn: ({ input, confirmDnc }: Attempt) => {
      const body = confirmDnc ? { ...input, confirm_do_not_contact: true } : input;
      return call ? updateCall(call.id, body) : createCall(body);
    },
    onSuccess: (saved) => {
      setDnc(null);
      afterChange(saved.parent_id);
      void message.success(t(call ? 'calls.saved' : 'calls.created'));
      const changed = saved.lead_status_changed ?? saved.target_status_changed;
      if (changed) {
        const label = (status: string) => parentFields?.optionLabel('status', status) ?? status;
        void message.info(
          t(saved.target_status_changed ? 'calls.targetStatusChanged' : 'calls.leadStatusChanged', {
            from: label(changed.from),
            to: label(changed.to),
          }),
        );
      }
      onDone();
    },
    onError: (error, attempt) => {
      setDnc(null);
      if (error instanceof ApiError && error.code === 'conflict' && error.reason === 'do_not_contact') {
        const { dnc_reason: reason } = error.params;
        setDnc({ attempt, reason: typeof reason === 'string' ? reason : null });
        return;
      }
      showSaveError(error, { form, message, t, label: fields.label, formField });
    },
  });

  const remove = useMutation({
    mutationFn: (id: number) => deleteCall(id),
    onSuccess: () => {
      if (call) afterChange(call.parent_id);
      void message.success(t('calls.deleted'));
      onDone();
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const submit = (values: Values) => {
    const input = toInput(values);
    if (!call) Object.assign(input, { parent_type: parentType, parent_id: parent?.id ?? values.parent_id });
    save.mutate({ input, confirmDnc: false });
  };

  const select = (name: string, required = false) => (
    <Select
      allowClear={!required}
      options={fields.options(name)}
      data-testid={`call-field-${name}`}
    />
  );

  return (
    <>
      <Form<Values>
        form={form}
        layout="vertical"
        onKeyDown={keepEnterInPickers}
        initialValues={
          call ? toValues(call, fields) : { direction: 'outbound', status: 'completed', start_at: dayjs(), subject: '' }
        }
        onFinish={submit}
        onValuesChange={(changed) => clearServerErrors(form, changed)}
        data-testid="call-form"
      >
        {call || parent ? (
          <Form.Item label={parentType === 'target' ? t('calls.target') : fields.label('parent_id')}>
            <Typography.Text strong data-testid="call-lead-name">
              {call ? call.parent_name : parent?.name}
            </Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="parent_id"
            label={fields.label('parent_id')}
            rules={[{ required: true, message: t('calls.leadRequired') }]}
          >
            <LeadPicker data-testid="call-lead-picker" />
          </Form.Item>
        )}
        <Form.Item
          name="subject"
          label={fields.label('subject')}
          rules={[{ required: true, whitespace: true, message: t('fieldErrors.required') }]}
        >
          <Input maxLength={200} placeholder={t('calls.subjectPlaceholder')} data-testid="call-field-subject" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="direction" label={fields.label('direction')} rules={[{ required: true }]}>
              {select('direction', true)}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={fields.label('status')} rules={[{ required: true }]}>
              {select('status', true)}
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="result"
          label={fields.label('result')}
          dependencies={['status']}
          required={status === 'completed'}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                getFieldValue('status') === 'completed' && !value
                  ? Promise.reject(new Error(t('calls.resultRequired')))
                  : Promise.resolve(),
            }),
          ]}
        >
          {select('result')}
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="start_at" label={fields.label('start_at')} rules={[{ required: true }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format={dateTimeFormat}
                allowClear={false}
                style={{ width: '100%' }}
                data-testid="call-field-start_at"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={fields.label('duration_s')} style={{ marginBottom: 0 }}>
              <Flex gap={8}>
                <Form.Item name="duration_min">
                  <InputNumber min={0} precision={0} suffix={t('calls.minutes')} data-testid="call-field-duration_min" />
                </Form.Item>
                <Form.Item name="duration_sec">
                  <InputNumber
                    min={0}
                    max={59}
                    precision={0}
                    suffix={t('calls.seconds')}
                    data-testid="call-field-duration_sec"
                  />
                </Form.Item>
              </Flex>
            </Form.Item>
          </Col>
        </Row>
        {status === 'scheduled' && (
          <Row gutter={16}>
            {reminderFields.map((name) => (
              <Col span={12} key={name}>
                <Form.Item
                  name={name}
                  label={fields.label(name)}
                  extra={
                    name === 'remind_email_min' && noEmail ? (
                      <Typography.Text type="warning" data-testid="call-no-email">
                        {t('calls.noEmail')}
                      </Typography.Text>
                    ) : undefined
                  }
                >
                  <Select
                    allowClear
                    options={[...fields.options(name), { value: atChosenTime, label: t('calls.reminderAtChosenTime') }]}
                    data-testid={`call-field-${name}`}
                  />
                </Form.Item>
                {reminders[name] === atChosenTime && (
                  <Form.Item
                    name={atField(name)}
                    dependencies={['start_at']}
                    rules={[
                      { required: true, message: t('calls.reminderAtRequired') },
                      ({ getFieldValue }) => ({
                        validator: (_, at?: Dayjs | null) => {
                          const minutes = at ? minutesBefore(getFieldValue('start_at') as Dayjs, at) : 0;
                          return minutes < 0 || minutes > maxReminderMinutes
                            ? Promise.reject(new Error(t('calls.reminderAtRange')))
                            : Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <DatePicker
                      showTime={{ format: 'HH:mm' }}
                      format={dateTimeFormat}
                      style={{ width: '100%' }}
                      data-testid={`call-field-${atField(name)}`}
                    />
                  </Form.Item>
                )}
              </Col>
            ))}
          </Row>
        )}
        <Form.Item name="description" label={fields.label('description')}>
          <Input.TextArea rows={4} maxLength={10000} data-testid="call-field-description" />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          {call && (
            <Popconfirm
              title={t('calls.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() => untilAnswered(remove.mutateAsync(call.id))}
            >
              <Button danger style={{ marginInlineEnd: 'auto' }} data-testid="call-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="call-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
      <Modal
        open={dnc !== null}
        title={t('calls.dncTitle')}
        onCancel={() => setDnc(null)}
        footer={[
          <Button key="back" onClick={() => setDnc(null)} data-testid="dnc-cancel">
            {t('common.cancel')}
          </Button>,
          <Button
            key="go"
            type="primary"
            danger
            loading={save.isPending}
            onClick={() => dnc && save.mutate({ input: dnc.attempt.input, confirmDnc: true })}
            data-testid="dnc-confirm"
          >
            {t('calls.dncGoAhead')}
          </Button>,
        ]}
      >
        <Alert
          type="warning"
          showIcon
          title={t('calls.dncIntro')}
          description={dnc?.reason ? t('leads.doNotContactReason', { reason: dnc.reason }) : undefined}
          data-testid="dnc-dialog"
        />
      </Modal>
    </>
  );
}

interface Props {
  open: boolean;
  /** The call to edit; a new call when absent. */
  call?: Call;
  /** The lead or target a new call is about; without it the form asks for a lead. */
  parent?: CallParent;
  onClose: () => void;
}

export function CallFormDrawer({ open, call, parent, onClose }: Props) {
  const { t } = useTranslation();
  const { fields, error } = useCallFields();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t(call ? 'calls.editTitle' : 'calls.logTitle')}
      size={560}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(error, t)} />
      ) : (
        fields && <CallForm call={call} parent={parent} fields={fields} onDone={onClose} />
      )}
    </Drawer>
  );
}
