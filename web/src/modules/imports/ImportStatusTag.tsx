// An import's status as a coloured tag; a running import shows how far it is.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob, ImportStatus } from '../../api/imports';

const colors: Record<ImportStatus, string> = {
  pending: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  undoing: 'processing',
  undone: 'warning',
};

/** How far a running import is, 0–100. */
export const importPercent = (job: ImportJob) => (job.total > 0 ? Math.floor((job.processed * 100) / job.total) : 0);

/** Stopped (a server restart, Ctrl-C on the command line) and being taken back: a reason while still running. */
export const isTakingBack = (job: ImportJob) => job.status === 'running' && job.failure_reason !== null;

export function ImportStatusTag({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  // No progress to show.
  if (isTakingBack(job)) {
    return (
      <Tag color="warning" data-testid="import-status">
        {t('imports.status.takingBack')}
      </Tag>
    );
  }
  return (
    <Tag color={colors[job.status]} data-testid="import-status">
      {t(`imports.status.${job.status}`)}
      {job.status === 'running' && ` ${importPercent(job)}%`}
    </Tag>
  );
}
