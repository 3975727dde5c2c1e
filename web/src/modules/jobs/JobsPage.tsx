// /jobs (R6; managers and admins): scheduled jobs (auto-assign, call reminders, stalled-lead
// alerts) with their interval, start and end, the last run and its result, the next run, a
// switch to turn each on or off, and "run now".
import { useState } from 'react';
import { App as AntApp, Button, Flex, Popconfirm, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { listRules } from '../../api/assignment';
import { deleteJob, listJobs, runJob, updateJob } from '../../api/jobs';
import { ApiError, type Job } from '../../api/types';
import { useLanguage } from '../../i18n';
import { useCurrentUser } from '../auth/AuthProvider';
import { QueryError } from '../common/QueryError';
import { formatCount, formatDateTime } from '../common/format';
import { errorText, reasonText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';
import { JobModal } from './JobModal';
import { jobEnded } from './schedule';
import { useMayUseRule } from '../assignment/ruleQueries';

function LastRun({ job, t }: { job: Job; t: TFunction }) {
  const language = useLanguage();
  const n = (value: number | undefined) => formatCount(value ?? 0, language);
  if (job.running) return <Tag color="processing">{t('jobs.running')}</Tag>;
  if (!job.last_run_at) return <Typography.Text type="secondary">{t('jobs.never')}</Typography.Text>;
  const result = job.last_result ?? {};
  return (
    <Flex vertical data-testid="job-last-run">
      <span>{formatDateTime(job.last_run_at)}</span>
      {job.last_status === 'failed' ? (
        <Typography.Text type="danger">
          {t('jobs.failed', { error: reasonText(result.reason, result, result.error ?? '', t) })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">
          {job.type === 'reminders'
            ? t('jobs.reminded', { popup: n(result.popup), email: n(result.email), failed: n(result.failed) })
            : job.type === 'stalled_alert'
              ? t('jobs.alerted', { owners: n(result.owners), leads: n(result.leads), email: n(result.email) })
              : t('jobs.assigned', { assigned: n(result.assigned), left: n(result.left) })}
        </Typography.Text>
      )}
      {result.email_error && (
        <Typography.Text type="warning">
          {t('jobs.emailError', {
            failed: n(result.email_failed),
            error: reasonText(result.email_error_info?.reason, result.email_error_info ?? {}, result.email_error, t),
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function JobsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const language = useLanguage();
  const user = useCurrentUser();
  const mayUseRule = useMayUseRule();
  const rules = useQuery({ queryKey: ['assignment-rules'], queryFn: listRules });
  const rule = (id: number | null) => rules.data?.items.find((r) => r.id === id);
  // Managers see the call reminders job, the stalled-lead alerts (they tell every team) and the
  // jobs of rules that give leads to other teams, but leave them to the admins (as the server does).
  const mayChange = (job: Job) => {
    const its = rule(job.rule_id);
    return (user.role === 'admin' || job.type === 'auto_assign') && (!its || mayUseRule(its));
  };
  // Every 2 s while a run goes on (a long "run now" answers before it is over), else every 30 s.
  const jobs = useQuery({
    queryKey: ['jobs'],
    queryFn: listJobs,
    refetchInterval: (query) => (query.state.data?.items.some((job) => job.running) ? 2_000 : 30_000),
  });
  const ruleName = (id: number | null) => rule(id)?.name ?? (id ? `#${id}` : '—');
  // The job stays while its dialog closes, so that the dialog does not turn into a new job meanwhile.
  const [editing, setEditing] = useState<{ open: boolean; job?: Job }>({ open: false });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['jobs'] });
  const toggle = useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) => updateJob(id, { active }),
    onSuccess: refresh,
    onError: (error) => void message.error(errorText(error, t)),
  });
  const run = useMutation({
    mutationFn: runJob,
    onSuccess: (job) => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      void queryClient.invalidateQueries({ queryKey: ['assignment-rules'] });
      if (job.running) void message.info(t('jobs.stillRunning'));
      else void message.success(t('jobs.ran'));
    },
    onError: (error, id) => {
      const last = jobs.data?.items.find((job) => job.id === id)?.last_run_at;
      void message.error(
        error instanceof ApiError && error.reason === 'alert_ran_lately' && last
          ? t('jobs.alertRanLately', { at: formatDateTime(last) })
          : errorText(error, t),
      );
    },
  });
  const remove = useMutation({
    mutationFn: deleteJob,
    onSuccess: refresh,
    onError: (error) => void message.error(errorText(error, t)),
  });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.jobs')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true })} data-testid="job-create">
          {t('jobs.create')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('jobs.hint')}</Typography.Text>
      {jobs.error && !jobs.data ? (
        <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Table<Job>
          rowKey="id"
          size="middle"
          loading={jobs.isPending}
          dataSource={jobs.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="jobs-table"
          columns={[
            // The name over its type, and the next run over its interval: a table a column narrower
            // on each side leaves the last run in sight on a laptop's 1366 pixels.
            {
              key: 'name',
              title: t('jobs.name'),
              render: (_, job) => (
                <Flex vertical>
                  <Typography.Text strong>{job.name}</Typography.Text>
                  <span>{t(`jobs.types.${job.type}`)}</span>
                  {job.type === 'auto_assign' && (
                    <Typography.Text type="secondary">
                      {ruleName(job.rule_id)} · {job.batch_size ? formatCount(job.batch_size, language) : t('jobs.oneEach')}
                    </Typography.Text>
                  )}
                  {job.type === 'stalled_alert' && (
                    <Typography.Text type="secondary">{t('jobs.afterDays', { count: Number(job.days) })}</Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              // Start over end, in the header as in the cells: one line of both was the widest.
              key: 'window',
              title: (
                <Flex vertical>
                  <span>{t('jobs.startsAt')}</span>
                  <span>{t('jobs.endsAt')}</span>
                </Flex>
              ),
              render: (_, job) => (
                <Flex vertical>
                  <span>{formatDateTime(job.starts_at)}</span>
                  <span>{job.ends_at ? formatDateTime(job.ends_at) : t('jobs.noEnd')}</span>
                </Flex>
              ),
            },
            {
              key: 'next',
              title: t('jobs.nextRun'),
              render: (_, job) => (
                <Flex vertical>
                  <span>{!job.active ? '—' : jobEnded(job) ? t('jobs.ended') : formatDateTime(job.next_run_at)}</span>
                  <Typography.Text type="secondary">{t('jobs.everyMinutes', { count: job.interval_min })}</Typography.Text>
                </Flex>
              ),
            },
            { key: 'last', title: t('jobs.lastRun'), width: 260, render: (_, job) => <LastRun job={job} t={t} /> },
            // The switch and the actions stay in sight when the table scrolls sideways.
            {
              key: 'active',
              title: t('jobs.active'),
              fixed: 'right',
              render: (_, job) => (
                <Switch
                  checked={job.active}
                  disabled={!mayChange(job)}
                  onChange={(active) => toggle.mutate({ id: job.id, active })}
                  data-testid="job-active"
                />
              ),
            },
            {
              key: 'actions',
              title: '',
              fixed: 'right',
              render: (_, job) => (
                <Flex gap={4}>
                  {/* The reminders job only sends what is due: anyone who sees it may run it now. */}
                  {(job.type === 'reminders' || mayChange(job)) && (
                    <Tooltip title={t('jobs.runNow')}>
                      <Button
                        icon={<PlayCircleOutlined />}
                        loading={(run.isPending && run.variables === job.id) || job.running}
                        onClick={() => run.mutate(job.id)}
                        aria-label={t('jobs.runNow')}
                        data-testid="job-run"
                      />
                    </Tooltip>
                  )}
                  {mayChange(job) && (
                    <>
                      <Button icon={<EditOutlined />} onClick={() => setEditing({ open: true, job })} aria-label={t('common.edit')} />
                      <Popconfirm
                        title={t('jobs.deleteConfirm', { name: job.name })}
                        okText={t('common.delete')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => untilAnswered(remove.mutateAsync(job.id))}
                      >
                        <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>
                    </>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
      <JobModal
        open={editing.open}
        job={editing.job}
        rules={(rules.data?.items ?? []).filter(mayUseRule)}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
      />
    </Flex>
  );
}
