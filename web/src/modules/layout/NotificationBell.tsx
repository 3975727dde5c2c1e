// The bell in the header: the newest things the user was told (a lead assigned, a call coming
// up, leads left without care), read or not, with the count of unread ones. What arrived while
// no page was open waits here; live events reload it.
import { useEffect, useRef, useState } from 'react';
import { App as AntApp, Badge, Button, Flex, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { listNotifications, markNotificationsRead, type InboxItem } from '../../api/notifications';
import { errorText } from '../common/apiErrors';
import { describeEvent } from './liveMessages';
import { askForBrowserNotifications } from './useLiveEvents';

const shown = 20;

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  // Live events reload it; the minute is for a socket that is down.
  const inbox = useQuery({ queryKey: ['notifications'], queryFn: () => listNotifications(shown), refetchInterval: 60_000 });
  const markRead = useMutation({
    mutationFn: (ids?: number[]) => markNotificationsRead(ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    onError: (error) => void message.error(errorText(error, t)),
  });
  const unread = inbox.data?.unread ?? 0;
  // The popover is rendered at the end of the page: opened from the keyboard, the focus goes to
  // its newest entry, or Tab would never reach it.
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('[role="button"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open]);

  const openItem = (item: InboxItem, link: string) => {
    setOpen(false);
    if (!item.read_at) markRead.mutate([item.id]);
    navigate(link);
  };

  const content = (
    <div ref={listRef}>
      <List
        style={{ width: 360, maxHeight: 420, overflowY: 'auto' }}
        loading={inbox.isLoading}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: t('bell.empty') }}
        data-testid="bell-list"
        renderItem={(item) => {
          const message = describeEvent(item, t);
          if (!message) return null;
          return (
            <List.Item
              role="button"
              tabIndex={0}
              onClick={() => openItem(item, message.link)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter' && event.key !== ' ') return;
                event.preventDefault();
                openItem(item, message.link);
              }}
              style={{ cursor: 'pointer', paddingInline: 8, background: item.read_at ? undefined : '#e6f4ff' }}
              data-testid={item.read_at ? 'bell-item' : 'bell-item-unread'}
            >
              <List.Item.Meta
                title={<Typography.Text strong={!item.read_at}>{message.title}</Typography.Text>}
                description={
                  <>
                    {message.body && <div>{message.body}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(item.created_at).format('HH:mm DD/MM/YYYY')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Users start ON, so switching ON is no gesture most of them make: this one asks instead.
        if (next) askForBrowserNotifications();
      }}
      content={content}
      title={
        <Flex justify="space-between" align="center">
          {t('bell.title')}
          <Button type="link" size="small" disabled={unread === 0} onClick={() => markRead.mutate(undefined)} data-testid="bell-read-all">
            {t('bell.readAll')}
          </Button>
        </Flex>
      }
    >
      <Badge count={unread} size="small" data-testid="bell-count">
        <Button shape="circle" icon={<BellOutlined />} aria-label={t('bell.title')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
