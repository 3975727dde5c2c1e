// Step 4 (I5): what the import would do, before anything is written — rows to create, to update,
// duplicates to skip and rows to reject, the first of each listed — and "Import now" (I6).
import { Alert, App as AntApp, Button, Flex, Spin, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { previewImport, runImport, type ImportJob, type ImportProblem } from '../../api/imports';
import { QueryError } from '../common/QueryError';
import { recordPath } from '../common/records';
import type { LeadFields } from '../leads/useLeadFields';
import { errorText } from '../common/apiErrors';
import { ImportCounts } from './ImportCounts';
import { useFollowImportChanges, useStoreImport } from './importQueries';

interface Props {
  job: ImportJob;
  fields: LeadFields;
  onBack: () => void;
}

export function PreviewStep({ job, fields, onBack }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const storeImport = useStoreImport();
  const followChanges = useFollowImportChanges(job.id);
  // Asked again each time the step opens (gcTime 0): the settings may have changed since.
  const preview = useQuery({
    queryKey: ['imports', 'preview', job.id],
    queryFn: () => previewImport(job.id),
    gcTime: 0,
    staleTime: 0,
  });
  const run = useMutation({
    mutationFn: () => runImport(job.id),
    onSuccess: storeImport,
    onError: (error) => {
      followChanges(error);
      void message.error(errorText(error, t));
    },
  });
  // Run in another tab meanwhile: the preview's 409 sends the wizard on to that run's result.
  useEffect(() => {
    if (preview.error) followChanges(preview.error);
  }, [preview.error, followChanges]);

  if (preview.error) {
    return (
      <Flex vertical align="center">
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
        <Button onClick={onBack}>{t('imports.back')}</Button>
      </Flex>
    );
  }
  if (!preview.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  const { create, update, unchanged, duplicate, error, problems, duplicates } = preview.data;
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('imports.preview.hint')}</Typography.Text>
      <ImportCounts counts={{ created: create, updated: update, unchanged, duplicate, error }} />
      {problems.length > 0 && (
        <ProblemTable
          title={t('imports.preview.problems')}
          // The server lists the first rows' problems, each of a row's fields on a line of its own.
          partial={new Set(problems.map((problem) => problem.row)).size < error}
          partialHint={t('imports.preview.firstProblems')}
          messageTitle={t('imports.preview.message')}
          problems={problems}
          fields={fields}
          testId="import-problems"
        />
      )}
      {duplicates.length > 0 && (
        <ProblemTable
          title={t('imports.preview.duplicates')}
          partial={duplicates.length < duplicate}
          partialHint={t('imports.preview.firstDuplicates')}
          messageTitle={t('imports.preview.repeats')}
          problems={duplicates}
          fields={fields}
          testId="import-duplicates"
        />
      )}
      {create + update + unchanged === 0 && <Alert type="warning" showIcon title={t('imports.preview.nothingToImport')} />}
      <Flex justify="space-between" gap={8}>
        <Button onClick={onBack}>{t('imports.back')}</Button>
        <Button
          type="primary"
          disabled={create + update + unchanged === 0}
          loading={run.isPending}
          onClick={() => run.mutate()}
          data-testid="import-run"
        >
          {t('imports.preview.run')}
        </Button>
      </Flex>
    </Flex>
  );
}

interface ProblemTableProps {
  title: string;
  partial: boolean;
  partialHint: string;
  messageTitle: string;
  problems: ImportProblem[];
  fields: LeadFields;
  testId: string;
}

/** The record a duplicate row matches, when the problem names one. */
function matchedRecord(problem: ImportProblem): string | undefined {
  if (!problem.detail || !/^\d+$/.test(problem.detail)) return undefined;
  if (problem.reason === 'duplicate_target') return recordPath('target', Number(problem.detail));
  return problem.reason === 'duplicate_lead' ? recordPath('lead', Number(problem.detail)) : undefined;
}

function ProblemTable({ title, partial, partialHint, messageTitle, problems, fields, testId }: ProblemTableProps) {
  const { t } = useTranslation();
  const text = (problem: ImportProblem) =>
    problem.reason
      ? t(`fieldErrors.${problem.reason}`, { defaultValue: problem.message, detail: problem.detail })
      : problem.message;
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {partial && <Alert type="info" showIcon title={partialHint} />}
      <Table<ImportProblem>
        rowKey={(problem) => `${problem.row}:${problem.field}:${problem.message}`}
        size="small"
        dataSource={problems}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { key: 'row', title: t('imports.preview.row'), width: 100, render: (_, problem) => problem.row },
          {
            key: 'field',
            title: t('imports.preview.field'),
            width: 220,
            render: (_, problem) => (problem.field ? fields.label(problem.field) : ''),
          },
          {
            key: 'message',
            title: messageTitle,
            // The server's message (English, naming the field) stays at hand for a reason the
            // app has no words for, and as the cell's tooltip. A lead (or target) already there opens.
            render: (_, problem) => {
              const matched = matchedRecord(problem);
              return matched ? (
                <Link to={matched} target="_blank" title={problem.message}>
                  {text(problem)}
                </Link>
              ) : (
                <span title={problem.message}>{text(problem)}</span>
              );
            },
          },
        ]}
        data-testid={testId}
      />
    </>
  );
}
