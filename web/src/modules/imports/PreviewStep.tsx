// Step 4 (I5): what the import would do, before anything is written — rows to create, to update,
// duplicates to skip, rows to reject with their first problems — and "Import now" (I6).
import { Alert, App as AntApp, Button, Flex, Spin, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { previewImport, runImport, type ImportJob, type ImportProblem } from '../../api/imports';
import { QueryError } from '../common/QueryError';
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

  const { create, update, unchanged, duplicate, error, problems } = preview.data;
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('imports.preview.hint')}</Typography.Text>
      <ImportCounts counts={{ created: create, updated: update, unchanged, duplicate, error }} />
      {problems.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('imports.preview.problems')}
          </Typography.Title>
          {/* The server lists the first rows' problems, each of a row's fields on a line of its own. */}
          {new Set(problems.map((problem) => problem.row)).size < error && <Alert type="info" showIcon title={t('imports.preview.firstProblems')} />}
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
                title: t('imports.preview.message'),
                // The server's message (English, naming the field) stays at hand for a reason the
                // app has no words for, and as the cell's tooltip.
                render: (_, problem) => (
                  <span title={problem.message}>
                    {problem.reason
                      ? t(`fieldErrors.${problem.reason}`, { defaultValue: problem.message })
                      : problem.message}
                  </span>
                ),
              },
            ]}
            data-testid="import-problems"
          />
        </>
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
