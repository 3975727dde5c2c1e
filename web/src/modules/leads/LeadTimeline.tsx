// A3/L5: the lead's history, newest first, a page at a time ("load more").
import { Button, Empty, Flex, Spin, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fetchLeadTimeline } from '../../api/leads';
import type { TimelineItem } from '../../api/types';
import { formatDateTime } from '../common/format';
import type { LeadFields } from './useLeadFields';

const pageSize = 20;

const actionColors: Record<TimelineItem['action'], string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'gray',
};

function describe(item: TimelineItem, fields: LeadFields, t: TFunction): string {
  const user = item.user?.full_name ?? t('timeline.system');
  if (item.action !== 'update') return t(`timeline.${item.action}`, { user });
  if (!item.field) return t('timeline.updated', { user });
  const field = fields.label(item.field);
  const from = fields.display(item.field, item.old_value);
  const to = fields.display(item.field, item.new_value);
  if (!from) return t('timeline.set', { user, field, to });
  if (!to) return t('timeline.cleared', { user, field, from });
  return t('timeline.changed', { user, field, from, to });
}

export function LeadTimeline({ leadId, fields }: { leadId: number; fields: LeadFields }) {
  const { t } = useTranslation();
  const history = useInfiniteQuery({
    queryKey: ['lead', leadId, 'timeline'],
    queryFn: ({ pageParam }) => fetchLeadTimeline(leadId, pageParam, pageSize),
    initialPageParam: 1,
    getNextPageParam: (last, pages) =>
      pages.reduce((count, page) => count + page.items.length, 0) < last.total && last.items.length > 0
        ? last.page + 1
        : undefined,
  });

  if (history.isPending) return <Spin />;
  if (history.error) {
    return (
      <Typography.Text type="danger">
        {history.error.message}{' '}
        <Button size="small" onClick={() => void history.refetch()}>
          {t('common.retry')}
        </Button>
      </Typography.Text>
    );
  }

  const items = history.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Empty description={t('timeline.empty')} />;

  return (
    <Flex vertical gap={8} data-testid="lead-timeline">
      <Timeline
        items={items.map((item) => ({
          key: item.id,
          color: actionColors[item.action],
          content: (
            <div data-testid="timeline-item">
              <Typography.Text>{describe(item, fields, t)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">
                <Tooltip title={formatDateTime(item.at)}>
                  <span>{dayjs(item.at).fromNow()}</span>
                </Tooltip>
                {item.via !== 'ui' && <Tag style={{ marginInlineStart: 8 }}>{t(`timeline.via.${item.via}`)}</Tag>}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      {history.hasNextPage && (
        <Button
          onClick={() => void history.fetchNextPage()}
          loading={history.isFetchingNextPage}
          data-testid="timeline-more"
        >
          {t('timeline.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
