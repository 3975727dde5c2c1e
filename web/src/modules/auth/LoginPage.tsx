// Sign-in form; wrong credentials and too many attempts are shown above the button.
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { login } from '../../api/auth';
import { ApiError } from '../../api/types';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useAuth } from './AuthProvider';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { startSession } = useAuth();
  const signIn = useMutation({
    mutationFn: ({ username, password }: Credentials) => login(username.trim(), password),
    onSuccess: startSession,
  });

  const failure = (() => {
    const error = signIn.error;
    if (!error) return null;
    if (error instanceof ApiError && error.status === 401) return t('auth.wrongCredentials');
    if (error instanceof ApiError && error.code === 'rate_limited') return t('auth.rateLimited');
    return error.message;
  })();

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('auth.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Form<Credentials> layout="vertical" onFinish={(values) => signIn.mutate(values)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {failure && (
            <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="login-submit">
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
