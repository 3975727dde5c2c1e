// /settings/email (admins): the SMTP server that sends call reminders (C4), and a test message.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getSmtp, saveSmtp, testSmtp, type SmtpInput } from '../../api/settings';
import { clearServerErrors, errorText, showSaveError } from '../common/apiErrors';
import { QueryError } from '../common/QueryError';

export function EmailSettingsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const smtp = useQuery({ queryKey: ['settings', 'smtp'], queryFn: getSmtp });
  const [form] = Form.useForm<SmtpInput>();
  const [to, setTo] = useState('');
  // The test message goes through the saved settings, not the ones being typed.
  const [unsaved, setUnsaved] = useState(false);
  // An empty box keeps the saved password; removing it (a relay that asks for no sign-in) is asked
  // for here and sent as "" on save.
  const [removePassword, setRemovePassword] = useState(false);

  useEffect(() => {
    if (smtp.data) form.setFieldsValue({ ...smtp.data, password: '' });
  }, [smtp.data, form]);

  const save = useMutation({
    mutationFn: ({ password, ...rest }: SmtpInput) =>
      saveSmtp(password ? { ...rest, password } : removePassword ? { ...rest, password: '' } : rest),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings', 'smtp'], saved);
      setUnsaved(false);
      setRemovePassword(false);
      void message.success(t('email.saved'));
    },
    onError: (error) => showSaveError(error, { form, message, t }),
  });
  const test = useMutation({
    mutationFn: testSmtp,
    onSuccess: () => void message.success(t('email.testSent')),
    onError: (error) => void message.error(errorText(error, t)),
  });

  if (smtp.error) return <QueryError error={smtp.error} onRetry={() => void smtp.refetch()} />;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('menu.email')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('email.hint')}</Typography.Text>
      <Card loading={smtp.isLoading}>
        <Form<SmtpInput>
          form={form}
          layout="vertical"
          initialValues={{ port: 587, security: 'starttls', from_name: 'Sen' }}
          onFinish={(values) => save.mutate(values)}
          onValuesChange={(changed) => {
            clearServerErrors(form, changed);
            setUnsaved(true);
          }}
          data-testid="smtp-form"
        >
          <Flex gap={16} wrap>
            <Form.Item name="host" label={t('email.host')} rules={[{ required: true, whitespace: true }]} style={{ flex: 2, minWidth: 240 }}>
              <Input placeholder="smtp.gmail.com" data-testid="smtp-host" />
            </Form.Item>
            <Form.Item name="port" label={t('email.port')} rules={[{ required: true }]}>
              <InputNumber min={1} max={65535} precision={0} data-testid="smtp-port" />
            </Form.Item>
            <Form.Item name="security" label={t('email.security')} style={{ minWidth: 160 }}>
              <Select
                options={(['none', 'starttls', 'tls'] as const).map((v) => ({ value: v, label: t(`email.securities.${v}`) }))}
                data-testid="smtp-security"
              />
            </Form.Item>
          </Flex>
          <Flex gap={16} wrap>
            <Form.Item name="username" label={t('email.username')} style={{ flex: 1, minWidth: 220 }}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('email.password')}
              validateStatus={smtp.data?.password_unreadable ? 'warning' : undefined}
              help={smtp.data?.password_unreadable ? t('email.passwordUnreadable') : undefined}
              extra={
                smtp.data?.has_password && (
                  <Flex gap={8} align="center" wrap>
                    {removePassword ? t('email.passwordRemoved') : t('email.passwordKept')}
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      onClick={() => {
                        setRemovePassword(!removePassword);
                        setUnsaved(true);
                      }}
                      data-testid="smtp-remove-password"
                    >
                      {removePassword ? t('email.keepPassword') : t('email.removePassword')}
                    </Button>
                  </Flex>
                )
              }
              style={{ flex: 1, minWidth: 220 }}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Flex>
          <Flex gap={16} wrap>
            <Form.Item name="from" label={t('email.from')} rules={[{ required: true, type: 'email' }]} style={{ flex: 1, minWidth: 220 }}>
              <Input placeholder="crm@truong.edu.vn" data-testid="smtp-from" />
            </Form.Item>
            <Form.Item name="from_name" label={t('email.fromName')} style={{ flex: 1, minWidth: 220 }}>
              <Input maxLength={100} />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="smtp-save">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <Card>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('email.testTo')}</Typography.Text>
          <Input
            type="email"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            style={{ maxWidth: 280 }}
            data-testid="smtp-test-to"
          />
          <Button
            disabled={!to || !smtp.data?.host || unsaved}
            loading={test.isPending}
            onClick={() => test.mutate(to)}
            data-testid="smtp-test"
          >
            {t('email.test')}
          </Button>
        </Flex>
        {unsaved && <Typography.Text type="warning">{t('email.testNeedsSave')}</Typography.Text>}
      </Card>
    </Flex>
  );
}
