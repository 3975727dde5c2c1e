// Step 5 (I6–I8): the progress of a running import (the user may leave: the history shows it),
// then what it did, the rejected rows to download, "Import again", "Undo", (K2) "Add to
// target list" for the leads it created or updated (not for targets), and the way to the list of
// what it imported.
import { useState } from 'react';
import { App as AntApp, Button, Flex, Popconfirm, Progress, Result, Typography } from 'antd';
import {
  DownloadOutlined,
  LogoutOutlined,
  UndoOutlined,
  UnorderedListOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { addImportToTargetList, importErrorsUrl, undoImport, type ImportJob } from '../../api/imports';
import { ApiError } from '../../api/types';
import { useLanguage } from '../../i18n';
import { formatCount } from '../common/format';
import { errorText } from '../common/apiErrors';
import { untilAnswered } from '../common/confirm';
import { AddToListModal } from '../targetlists/AddToListModal';
import { ImportCounts } from './ImportCounts';
import { refreshAfterImport, useFollowImportChanges, useStoreImport } from './importQueries';
import { importPercent, isTakingBack } from './ImportStatusTag';

const resultStatus = { done: 'success', failed: 'error', undone: 'info' } as const;

interface Props {
  job: ImportJob;
  onAgain: () => void;
}

export function ResultStep({ job, onAgain }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const storeImport = useStoreImport();
  const followChanges = useFollowImportChanges(job.id);
  const [addingToList, setAddingToList] = useState(false);
  const undo = useMutation({
    mutationFn: () => undoImport(job.id),
    onSuccess: (undone) => {
      storeImport(undone);
      refreshAfterImport(queryClient);
      // A long undo answers "undoing" and goes on in the background: this page follows it.
      if (undone.status === 'undone') void message.success(t('imports.result.undoDone'));
    },
    onError: (error) => {
      followChanges(error); // undone in another tab meanwhile: this page shows it
      void message.error(errorText(error, t));
    },
  });
  // Why it failed (or is being taken back), in the user's language when the server says which case it is.
  const failure = job.failure_reason
    ? t(`imports.failure.${job.failure_reason}`, { detail: job.failure ?? '' })
    : (job.failure ?? '');

  if (job.status === 'undoing') {
    return (
      <Flex vertical gap={16} align="center" style={{ padding: '32px 0' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('imports.result.undoing')}
        </Typography.Title>
        <Progress percent={100} status="active" showInfo={false} style={{ maxWidth: 560 }} />
        <Typography.Text type="secondary">
          {t('imports.result.leaveHint')} <Link to="/imports">{t('imports.history')}</Link>
        </Typography.Text>
      </Flex>
    );
  }

  if (isTakingBack(job)) {
    return (
      <Flex vertical gap={16} align="center" style={{ padding: '32px 0' }} data-testid="import-taking-back">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('imports.result.takingBack')}
        </Typography.Title>
        <Progress percent={100} status="active" showInfo={false} style={{ maxWidth: 560 }} />
        <Typography.Text>{failure}</Typography.Text>
        <Typography.Text type="secondary">
          {t('imports.result.leaveHint')} <Link to="/imports">{t('imports.history')}</Link>
        </Typography.Text>
      </Flex>
    );
  }

  if (job.status === 'running' || job.status === 'pending') {
    return (
      <Flex vertical gap={16} align="center" style={{ padding: '32px 0' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('imports.result.running')}
        </Typography.Title>
        <Progress percent={importPercent(job)} status="active" style={{ maxWidth: 560 }} data-testid="import-progress" />
        <Typography.Text data-testid="import-progress-text">
          {job.status === 'running' && !job.started_at && job.processed === 0
            ? t('imports.result.waiting')
            : t('imports.result.progress', {
                processed: formatCount(job.processed, language),
                total: formatCount(job.total, language),
              })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('imports.result.leaveHint')} <Link to="/imports">{t('imports.history')}</Link>
        </Typography.Text>
      </Flex>
    );
  }

  const outcome = {
    done: t('imports.result.doneHint', { name: job.filename }),
    failed: failure,
    undone: t('imports.result.undoneHint'),
  }[job.status];
  // Taking it back kept the leads someone had worked on, in the trash.
  const subTitle = (
    <span data-testid="import-outcome">
      {outcome}
      {job.in_trash > 0 && (
        <span data-testid="import-in-trash">
          {' '}
          {t('imports.result.inTrash', { count: job.in_trash, formatted: formatCount(job.in_trash, language) })}{' '}
          <Link to="/trash">{t('menu.trash')}</Link>
          {t('imports.result.inTrashWhy')}
        </span>
      )}
      {job.status === 'failed' &&
        ` ${t(job.in_trash > 0 ? 'imports.result.failedKeptNothingElse' : 'imports.result.failedHint')}`}
    </span>
  );

  return (
    <Result
      status={resultStatus[job.status]}
      title={t(`imports.result.${job.status}`)}
      subTitle={subTitle}
      extra={
        <Flex justify="center" gap={8} wrap>
          {job.error + job.duplicate > 0 && (
            <Button icon={<DownloadOutlined />} href={importErrorsUrl(job.id)} download data-testid="import-errors">
              {t('imports.result.errors')}
            </Button>
          )}
          {job.entity === 'leads' && job.status === 'done' && job.created + job.updated + job.unchanged > 0 && (
            <Button
              icon={<UnorderedListOutlined />}
              onClick={() => setAddingToList(true)}
              data-testid="import-add-to-list"
            >
              {t('targetLists.addTitle')}
            </Button>
          )}
          <Button type="primary" icon={<UploadOutlined />} onClick={onAgain} data-testid="import-again">
            {t('imports.result.again')}
          </Button>
          <Link to={`/${job.entity}`}>
            <Button icon={<LogoutOutlined />} data-testid="import-exit">
              {t(`imports.result.exit.${job.entity}`)}
            </Button>
          </Link>
          {job.status === 'done' && (
            <Popconfirm
              title={t('imports.result.undoConfirm')}
              okText={t('imports.result.undo')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: undo.isPending }}
              onConfirm={() => untilAnswered(undo.mutateAsync())}
            >
              <Button danger icon={<UndoOutlined />} loading={undo.isPending} data-testid="import-undo">
                {t('imports.result.undo')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      }
      data-testid="import-result"
    >
      {job.status !== 'failed' && <ImportCounts counts={job} />}
      <AddToListModal
        open={addingToList}
        what={t('targetLists.importLeads', { count: job.created + job.updated + job.unchanged })}
        add={(listId) => addImportToTargetList(job.id, listId)}
        describeError={(error) => {
          followChanges(error); // undone in another tab meanwhile: this page shows it
          return error instanceof ApiError && error.reason === 'import_not_done'
            ? t('targetLists.importNotDone')
            : undefined;
        }}
        onClose={() => setAddingToList(false)}
      />
    </Result>
  );
}
