// /assignment-rules (R1, R2; managers and admins): the rules that hand out new leads, their
// members with presence and today's count, and switches to turn rules and members ON or OFF.
import { useState } from 'react';
import { App as AntApp, Button, Flex, Popconfirm, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { deleteRule, setPresence, updateRule } from '../../api/assignment';
import type { AssignmentRule, RuleMember } from '../../api/types';
import { useLanguage } from '../../i18n';
import { useAuth, useCurrentUser } from '../auth/AuthProvider';
import { useCampaignNames } from '../campaigns/campaignQueries';
import { formatCount } from '../common/format';
import { QueryError } from '../common/QueryError';
import { useDirectory } from '../common/useDirectory';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';
import { RuleModal } from './RuleModal';
import { useMayUseRule, useRulesAsTheyAre } from './ruleQueries';

function MemberPresence({ member }: { member: RuleMember }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useCurrentUser();
  const { updateUser } = useAuth();
  const directory = useDirectory();
  // Who may switch them (the server's rule): themselves, an admin, the manager of their team.
  const maySwitch = directory.mayGiveTo(member.user_id);
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (online: boolean) => setPresence(member.user_id, online),
    onSuccess: (saved) => {
      if (saved.id === me.id) updateUser(saved); // their own switch: the header's follows at once
      void queryClient.invalidateQueries({ queryKey: ['assignment-rules'] });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  return (
    <Flex gap={6} align="center" data-testid="rule-member" data-user-id={member.user_id}>
      <Switch
        size="small"
        checked={member.online}
        loading={toggle.isPending}
        disabled={!maySwitch}
        onChange={(online) => toggle.mutate(online)}
        aria-label={t('presence.switchFor', { name: member.full_name })}
        data-testid="member-presence"
      />
      <Typography.Text type={member.online ? undefined : 'secondary'}>{member.full_name}</Typography.Text>
      <Tooltip title={t('assignment.takenToday')}>
        <Tag>
          {formatCount(member.taken_today ?? 0, language)}
          {member.daily_cap !== null ? ` / ${formatCount(member.daily_cap, language)}` : ''}
        </Tag>
      </Tooltip>
      {member.weight !== 1 && <Tag color="blue">×{member.weight}</Tag>}
    </Flex>
  );
}

export function AssignmentRulesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const rules = useRulesAsTheyAre();
  const campaignName = useCampaignNames(rules.data?.items.map((rule) => rule.campaign_id) ?? []);
  // The rule stays while its dialog closes, so that the dialog does not turn into a new rule meanwhile.
  const [editing, setEditing] = useState<{ open: boolean; rule?: AssignmentRule }>({ open: false });
  // A manager changes the rules of their own team (the server's rule); an admin's rule naming other
  // teams is shown, and its switch and buttons say whose it is.
  const mayChange = useMayUseRule();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['assignment-rules'] });
  const toggle = useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) => updateRule(id, { active }),
    onSuccess: refresh,
    onError: (error) => void message.error(errorText(error, t)),
  });
  const remove = useMutation({
    mutationFn: deleteRule,
    onSuccess: () => {
      refresh();
      void message.success(t('assignment.deleted'));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.assignment')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true })} data-testid="rule-create">
          {t('assignment.createRule')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('assignment.hint')}</Typography.Text>
      {rules.error ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Table<AssignmentRule>
          rowKey="id"
          size="middle"
          loading={rules.isPending}
          dataSource={rules.data?.items ?? []}
          pagination={false}
          data-testid="rules-table"
          columns={[
            { key: 'name', title: t('assignment.name'), render: (_, rule) => <Typography.Text strong>{rule.name}</Typography.Text> },
            {
              key: 'takes',
              title: t('assignment.takes'),
              render: (_, rule) =>
                rule.source || rule.campaign_id ? (
                  <>
                    {rule.source && <Tag>{rule.source}</Tag>}
                    {rule.campaign_id && (
                      <Tag data-testid="rule-campaign-tag">
                        {t('assignment.campaignTag', { name: campaignName(rule.campaign_id) })}
                      </Tag>
                    )}
                  </>
                ) : (
                  t('assignment.anyLead')
                ),
            },
            { key: 'method', title: t('assignment.method'), render: (_, rule) => t(`assignment.methods.${rule.method}`) },
            {
              key: 'queued',
              title: t('assignment.queued'),
              render: (_, rule) => (
                <Link to={`/leads?queued_rule_id=${rule.id}`} data-testid="rule-queued">
                  {formatCount(rule.queued, language)}
                </Link>
              ),
            },
            {
              key: 'members',
              title: t('assignment.members'),
              render: (_, rule) => (
                <Flex vertical gap={4}>
                  {rule.members.map((member) => (
                    <MemberPresence key={member.user_id} member={member} />
                  ))}
                </Flex>
              ),
            },
            {
              key: 'active',
              title: t('assignment.active'),
              render: (_, rule) => (
                <Tooltip title={mayChange(rule) ? undefined : t('assignment.otherTeams')}>
                  <Switch
                    checked={rule.active}
                    disabled={!mayChange(rule)}
                    onChange={(active) => toggle.mutate({ id: rule.id, active })}
                    data-testid="rule-active"
                  />
                </Tooltip>
              ),
            },
            {
              key: 'actions',
              title: '',
              render: (_, rule) =>
                !mayChange(rule) ? (
                  <Typography.Text type="secondary" data-testid="rule-not-mine">
                    {t('assignment.otherTeams')}
                  </Typography.Text>
                ) : (
                  <Flex gap={4}>
                    <Button icon={<EditOutlined />} onClick={() => setEditing({ open: true, rule })} aria-label={t('common.edit')} />
                    <Popconfirm
                      title={t('assignment.deleteConfirm', { name: rule.name })}
                      // Its queue goes with it: the user hears how many leads leave it.
                      description={
                        rule.queued > 0 ? t('assignment.deleteQueued', { count: rule.queued }) : undefined
                      }
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => untilAnswered(remove.mutateAsync(rule.id))}
                    >
                      <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  </Flex>
                ),
            },
          ]}
        />
      )}
      <RuleModal open={editing.open} rule={editing.rule} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
    </Flex>
  );
}
