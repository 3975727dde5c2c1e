// The frame of every signed-in page: menu on the left, user and language in the header. Below a
// laptop's width the menu is a drawer opened from the header, over the page, closed by a choice.
import { useState } from 'react';
import { Button, Drawer, Flex, Grid, Layout, Menu, Typography } from 'antd';
import {
  AimOutlined,
  DeleteOutlined,
  FieldTimeOutlined,
  FormOutlined,
  ImportOutlined,
  LogoutOutlined,
  MailOutlined,
  MenuOutlined,
  NotificationOutlined,
  PhoneOutlined,
  ShareAltOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth, useCurrentUser } from '../auth/AuthProvider';
import { manages } from '../auth/roles';
import { canImport } from '../imports/access';
import { usesTargetLists } from '../targetlists/access';
import { PresenceSwitch } from '../assignment/PresenceSwitch';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { useLiveEvents } from './useLiveEvents';

export function AppLayout() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const section = location.pathname.split('/')[1] ?? '';
  const screens = Grid.useBreakpoint();
  const narrow = !screens.sm;
  const wide = screens.lg ?? true;  // unknown before the first measure: as on a laptop
  const [menuOpen, setMenuOpen] = useState(false);
  useLiveEvents();

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[section]}
      items={[
        { key: 'leads', icon: <TeamOutlined />, label: <Link to="/leads">{t('menu.leads')}</Link> },
        { key: 'targets', icon: <AimOutlined />, label: <Link to="/targets">{t('menu.targets')}</Link> },
        { key: 'calls', icon: <PhoneOutlined />, label: <Link to="/calls">{t('menu.calls')}</Link> },
        {
          key: 'campaigns',
          icon: <NotificationOutlined />,
          label: <Link to="/campaigns">{t('menu.campaigns')}</Link>,
        },
        ...(canImport(user.role)
          ? [{ key: 'imports', icon: <ImportOutlined />, label: <Link to="/imports">{t('menu.imports')}</Link> }]
          : []),
        ...(usesTargetLists(user.role)
          ? [
              {
                key: 'target-lists',
                icon: <UnorderedListOutlined />,
                label: <Link to="/target-lists">{t('menu.targetLists')}</Link>,
              },
            ]
          : []),
        ...(manages(user.role)
          ? [
              {
                key: 'assignment-rules',
                icon: <ShareAltOutlined />,
                label: <Link to="/assignment-rules">{t('menu.assignment')}</Link>,
              },
              { key: 'jobs', icon: <FieldTimeOutlined />, label: <Link to="/jobs">{t('menu.jobs')}</Link> },
              { key: 'trash', icon: <DeleteOutlined />, label: <Link to="/trash">{t('menu.trash')}</Link> },
            ]
          : []),
        ...(user.role === 'admin'
          ? [
              {
                key: 'custom-fields',
                icon: <FormOutlined />,
                label: <Link to="/custom-fields">{t('menu.customFields')}</Link>,
              },
              { key: 'settings', icon: <MailOutlined />, label: <Link to="/settings/email">{t('menu.email')}</Link> },
            ]
          : []),
      ]}
      onClick={() => setMenuOpen(false)}
      data-testid="main-menu"
    />
  );

  const leave = () => {
    navigate('/');
    void signOut();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider width={256} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>
            Sen
          </Typography.Title>
          {menu}
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          title="Sen"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={256}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{ background: '#fff', paddingInline: narrow ? 12 : 24, borderBottom: '1px solid #f0f0f0' }}
        >
          {/* On a phone the name gives way (cut short, the role left out) to the switches beside it. */}
          <Flex justify="flex-end" align="center" gap={narrow ? 8 : 16} style={{ height: '100%' }}>
            {!wide && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setMenuOpen(true)}
                aria-label={t('layout.menu')}
                style={{ marginInlineEnd: 'auto' }}
                data-testid="menu-open"
              />
            )}
            <span data-testid="current-user" style={{ display: 'flex', minWidth: 0, gap: 4 }}>
              <Typography.Text strong ellipsis={{ tooltip: true }}>
                {user.full_name || user.username}
              </Typography.Text>
              {!narrow && <Typography.Text type="secondary">({t(`roles.${user.role}`)})</Typography.Text>}
            </span>
            <PresenceSwitch />
            <NotificationBell />
            <LanguageSwitch />
            <Button
              icon={<LogoutOutlined />}
              onClick={leave}
              aria-label={t('auth.signOut')}
              title={narrow ? t('auth.signOut') : undefined}
              data-testid="sign-out"
            >
              {!narrow && t('auth.signOut')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
