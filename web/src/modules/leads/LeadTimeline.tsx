// L5, A3: one feed of the lead's calls, notes and changes (status, stage, assignments, edits),
// newest first, a page at a time ("Xem thêm"). A change of campaign names the campaigns (K1).
// A target's feed is the same, without assignments.
import { useMemo, type ReactNode } from 'react';
import { App as AntApp, Button, Empty, Flex, Popconfirm, Spin, Tag, Timeline, Tooltip, Typography } from 'antd';
import {
  DeleteOutlined,
  EditOutlined,
  FileTextOutlined,
  PhoneOutlined,
  PlusCircleOutlined,
  UndoOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fetchLeadTimeline } from '../../api/leads';
import { deleteNote } from '../../api/notes';
import { fetchTargetTimeline } from '../../api/targets';
import type {
  AssignmentItem,
  AuditItem,
  Call,
  CallItem,
  Note,
  NoteItem,
  ParentType,
  TimelineItem,
} from '../../api/types';
import { useCurrentUser } from '../auth/AuthProvider';
import { CallResultTag, CallStatusTag } from '../calls/CallTags';
import { useCampaignNames } from '../campaigns/campaignQueries';
import { useCallFields } from '../calls/useCallFields';
import { formatDateTime, formatDuration } from '../common/format';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';
import { recordKey } from '../common/records';
import type { LeadFields } from './useLeadFields';

const fetchTimeline: Record<ParentType, typeof fetchLeadTimeline> = {
  lead: fetchLeadTimeline,
  target: fetchTargetTimeline,
};

const pageSize = 20;

const auditIcons: Record<AuditItem['action'], ReactNode> = {
  create: <PlusCircleOutlined />,
  update: <EditOutlined />,
  delete: <DeleteOutlined />,
  restore: <UndoOutlined />,
};

const auditColors: Record<AuditItem['action'], string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'gray',
};

function describeChange(user: string, name: string, from: unknown, to: unknown, fields: LeadFields, t: TFunction) {
  const shownTo = fields.display(name, to);
  if (name === 'owner_id') return shownTo ? t('timeline.assigned', { user, to: shownTo }) : t('timeline.unassigned', { user });
  const field = fields.label(name);
  const shownFrom = fields.display(name, from);
  if (!shownFrom) return t('timeline.set', { user, field, to: shownTo });
  if (!shownTo) return t('timeline.cleared', { user, field, from: shownFrom });
  return t('timeline.changed', { user, field, from: shownFrom, to: shownTo });
}

/** Custom fields change together as one JSON object; each changed key reads as its own change. */
function customChanges(item: AuditItem): { name: string; from: unknown; to: unknown }[] {
  const parse = (text: string | null): Record<string, unknown> => {
    try {
      const value: unknown = JSON.parse(text ?? 'null');
      return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const before = parse(item.old_value);
  const after = parse(item.new_value);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ name: `custom.${key}`, from: before[key], to: after[key] }));
}

function describeAudit(item: AuditItem, parentType: ParentType, fields: LeadFields, t: TFunction): string {
  const user = item.user?.full_name ?? t('timeline.system');
  if (item.action !== 'update') {
    return t(`timeline.${parentType === 'target' ? 'target.' : ''}${item.action}`, { user });
  }
  if (!item.field) return t('timeline.updated', { user });
  if (item.field === 'queue') {  // R5: the values are the rules' names
    const rule = item.new_value ?? '';
    if (item.new_value === null) return t('timeline.dequeued', { user, rule: item.old_value ?? '' }); // its rule deleted
    return item.old_value ? t('timeline.requeued', { user, from: item.old_value, rule }) : t('timeline.queued', { user, rule });
  }
  if (item.field === 'custom') {
    const changes = customChanges(item);
    if (changes.length === 0) return t('timeline.updated', { user });
    return changes.map(({ name, from, to }) => describeChange(user, name, from, to, fields, t)).join('; ');
  }
  return describeChange(user, item.field, item.old_value, item.new_value, fields, t);
}

/** R7: who the lead went to, from whom, by whom or by which rule, and why. */
function describeAssignment({ assignment: a }: AssignmentItem, t: TFunction): string {
  const name = (ref: { full_name: string | null } | null) => ref?.full_name ?? t('timeline.system');
  const by = a.rule ? t('timeline.byRule', { rule: a.rule.name ?? `#${a.rule.id}` }) : name(a.by);
  if (!a.to) return a.from ? t('timeline.unassignedFrom', { user: by, from: name(a.from) }) : t('timeline.unassigned', { user: by });
  if (a.reason === 'unassign') return t('timeline.unassignedTo', { user: name(a.by), from: name(a.from), to: name(a.to), rule: a.rule?.name ?? '' });
  if (a.from) return t('timeline.moved', { user: by, from: name(a.from), to: name(a.to) });
  return t('timeline.assigned', { user: by, to: name(a.to) });
}

function When({ at, children }: { at: string; children?: ReactNode }) {
  return (
    <Typography.Text type="secondary">
      <Tooltip title={formatDateTime(at)}>
        <span>{dayjs(at).fromNow()}</span>
      </Tooltip>
      {children}
    </Typography.Text>
  );
}

function CallEntry({ item, onEdit }: { item: CallItem; onEdit: (call: Call) => void }) {
  const { t } = useTranslation();
  const { fields } = useCallFields();
  const { call } = item;
  return (
    <>
      <Typography.Text>
        {t('timeline.call', { user: item.user?.full_name ?? t('timeline.system'), subject: call.subject })}
      </Typography.Text>
      <Flex gap={4} wrap align="center" style={{ margin: '4px 0' }}>
        {fields && <CallStatusTag status={call.status} fields={fields} />}
        {fields && <CallResultTag result={call.result} fields={fields} />}
        {fields && <Tag>{fields.optionLabel('direction', call.direction)}</Tag>}
        {call.duration_s !== null && <Tag>{formatDuration(call.duration_s)}</Tag>}
        <Button type="link" size="small" onClick={() => onEdit(call)} data-testid="timeline-call-edit">
          {t('common.edit')}
        </Button>
      </Flex>
      {call.description && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{call.description}</Typography.Paragraph>
      )}
      <When at={call.start_at} />
    </>
  );
}

interface NoteEntryProps {
  item: NoteItem;
  parentType: ParentType;
  parentId: number;
  onEdit: (note: Note) => void;
}

function NoteEntry({ item, parentType, parentId, onEdit }: NoteEntryProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const { note } = item;
  const mayChange = user.role === 'admin' || note.created_by === user.id;
  const remove = useMutation({
    mutationFn: () => deleteNote(note.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordKey(parentType, parentId) });
      void message.success(t('notes.deleted'));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  return (
    <>
      <Typography.Text>
        {t('timeline.note', { user: note.author_name ?? item.user?.full_name ?? t('timeline.system') })}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }} data-testid="timeline-note-body">
        {note.body}
      </Typography.Paragraph>
      <When at={item.at}>
        {mayChange && (
          <>
            <Button type="link" size="small" onClick={() => onEdit(note)}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('notes.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() => untilAnswered(remove.mutateAsync())}
            >
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </>
        )}
      </When>
    </>
  );
}

interface Props {
  /** Whose feed: a lead's (the default) or a target's. */
  parentType?: ParentType;
  parentId: number;
  /** The registry of the record's type, which words its changes. */
  fields: LeadFields;
  onEditCall: (call: Call) => void;
  onEditNote: (note: Note) => void;
}

/** The campaign ids that changes of a lead's campaign name (its audit values are ids). */
const campaignIdsOf = (items: TimelineItem[]) =>
  items.flatMap((item) =>
    item.kind === 'audit' && item.field === 'campaign_id'
      ? [item.old_value, item.new_value].flatMap((value) => (value ? [Number(value)] : []))
      : [],
  );

export function LeadTimeline({ parentType = 'lead', parentId, fields: registry, onEditCall, onEditNote }: Props) {
  const { t } = useTranslation();
  const history = useInfiniteQuery({
    queryKey: [...recordKey(parentType, parentId), 'timeline'],
    queryFn: ({ pageParam }) => fetchTimeline[parentType](parentId, pageParam, pageSize),
    initialPageParam: 1,
    getNextPageParam: (last, pages) =>
      pages.reduce((count, page) => count + page.items.length, 0) < last.total && last.items.length > 0
        ? last.page + 1
        : undefined,
  });
  const campaignName = useCampaignNames(campaignIdsOf(history.data?.pages.flatMap((page) => page.items) ?? []));
  const fields = useMemo<LeadFields>(
    () => ({
      ...registry,
      display: (name, value) =>
        name === 'campaign_id' && value ? campaignName(Number(value)) : registry.display(name, value),
    }),
    [registry, campaignName],
  );

  if (history.isPending) return <Spin />;
  if (history.error) {
    return (
      <Typography.Text type="danger">
        {errorText(history.error, t)}{' '}
        <Button size="small" onClick={() => void history.refetch()}>
          {t('common.retry')}
        </Button>
      </Typography.Text>
    );
  }

  // A lead's owner changes read better as assignment entries (with rule and reason) than as audit
  // lines; a target has no such entries, so its audit lines tell them.
  const items = history.data.pages
    .flatMap((page) => page.items)
    .filter((item) => parentType === 'target' || item.kind !== 'audit' || item.field !== 'owner_id');
  if (items.length === 0) return <Empty description={t('timeline.empty')} />;

  const entry = (item: TimelineItem) => {
    switch (item.kind) {
      case 'call':
        return { color: 'green', icon: <PhoneOutlined />, content: <CallEntry item={item} onEdit={onEditCall} /> };
      case 'assignment':
        return {
          color: 'purple',
          icon: <UserSwitchOutlined />,
          content: (
            <>
              <Typography.Text>{describeAssignment(item, t)}</Typography.Text>
              <br />
              <When at={item.at}>
                <Tag style={{ marginInlineStart: 8 }}>{t(`timeline.assignmentReason.${item.assignment.reason}`)}</Tag>
              </When>
            </>
          ),
        };
      case 'note':
        return {
          color: 'gray',
          icon: <FileTextOutlined />,
          content: <NoteEntry item={item} parentType={parentType} parentId={parentId} onEdit={onEditNote} />,
        };
      default:
        return {
          color: auditColors[item.action],
          icon: item.field === 'owner_id' ? <UserSwitchOutlined /> : auditIcons[item.action],
          content: (
            <>
              <Typography.Text>{describeAudit(item, parentType, fields, t)}</Typography.Text>
              <br />
              <When at={item.at}>
                {item.via !== 'ui' && <Tag style={{ marginInlineStart: 8 }}>{t(`timeline.via.${item.via}`)}</Tag>}
              </When>
            </>
          ),
        };
    }
  };

  return (
    <Flex vertical gap={8} data-testid="lead-timeline">
      <Timeline
        items={items.map((item) => {
          const { color, icon, content } = entry(item);
          return {
            key: `${item.kind}-${item.id}`,
            color,
            icon,
            content: (
              <div data-testid="timeline-item" data-kind={item.kind}>
                {content}
              </div>
            ),
          };
        })}
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
