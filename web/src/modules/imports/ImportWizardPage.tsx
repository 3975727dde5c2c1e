// /imports/new and /imports/:id: the import wizard (I1–I8, T5) — choose what to import (leads or
// targets, `?entity=targets` to start with targets) and the file, map the columns, the options,
// the preview, the result. Re-entered at the step the import is at: a pending import
// at its mapping, a running one at its progress, a finished one at its result.
import { useState } from 'react';
import { Button, Card, Flex, Spin, Steps, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ImportEntity, ImportJob, ImportMapping } from '../../api/imports';
import { QueryError } from '../common/QueryError';
import { useRecordFields } from '../leads/useLeadFields';
import { entityParam, newImportPath } from './entity';
import { FileStep } from './FileStep';
import { useImportJob, useStoreImport } from './importQueries';
import { ImportStatusTag } from './ImportStatusTag';
import { MappingStep } from './MappingStep';
import { OptionsStep, type OptionValues } from './OptionsStep';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';

const steps = ['file', 'mapping', 'options', 'preview', 'result'] as const;
type Step = (typeof steps)[number];
/** The steps of an import that has not run yet, between which the user goes back and forth. */
type PendingStep = Exclude<Step, 'result'>;
/**
 * What a step held when the user went back from it (a step saves only on "Next"), for when they
 * come forward again; a mapping only for the sheet it was made for.
 */
interface Drafts {
  importId?: number;
  mapping?: { sheet: string | null; value: ImportMapping };
  options?: OptionValues;
}

export function ImportWizardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const id = params.id === undefined ? undefined : Number(params.id);
  const [pendingStep, setPendingStep] = useState<PendingStep>('mapping');
  const [drafts, setDrafts] = useState<Drafts>({});
  const [chosenEntity, setChosenEntity] = useState<ImportEntity>(() => entityParam(search));
  const job = useImportJob(id);
  // An import keeps what it was uploaded for; a new one is what the user chose.
  const entity = (id !== undefined ? job.data?.entity : undefined) ?? chosenEntity;
  const { fields, error: metaError, refetch: refetchMeta } = useRecordFields(entity === 'targets' ? 'target' : 'lead');
  const storeImport = useStoreImport();

  const uploaded = (created: ImportJob) => {
    storeImport(created);
    // A workbook with several sheets stays on this step for the user to pick one.
    setPendingStep(created.sheets.length > 1 ? 'file' : 'mapping');
    navigate(`/imports/${created.id}`, { replace: id === undefined });
  };
  const again = () => {
    setPendingStep('mapping');
    setChosenEntity(entity);
    navigate(newImportPath(entity));
  };

  // A failed poll (the server restarting) keeps what was loaded on screen; the next poll may do better.
  const error = (job.data ? null : job.error) ?? (fields ? null : metaError);
  if (error) {
    return <QueryError error={error} onRetry={() => void (job.error ? job.refetch() : refetchMeta())} />;
  }
  const loaded = id === undefined ? undefined : job.data;
  if ((id !== undefined && !loaded) || !fields) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  const step: Step = !loaded ? 'file' : loaded.status === 'pending' ? pendingStep : 'result';
  const draft = loaded && drafts.importId === loaded.id ? drafts : {};
  const keep = (kept: Omit<Drafts, 'importId'>) => setDrafts({ ...draft, ...kept, importId: loaded?.id });
  const content = () => {
    if (!loaded || step === 'file') {
      return (
        <FileStep
          job={loaded}
          entity={entity}
          onEntityChange={setChosenEntity}
          onUploaded={uploaded}
          onNext={() => setPendingStep('mapping')}
        />
      );
    }
    switch (step) {
      case 'mapping':
        // Another sheet brings other columns: the mapping starts again.
        return (
          <MappingStep
            key={`${loaded.id}:${loaded.sheet ?? ''}`}
            job={loaded}
            fields={fields}
            draft={draft.mapping?.sheet === loaded.sheet ? draft.mapping.value : undefined}
            onBack={(value) => {
              keep({ mapping: { sheet: loaded.sheet, value } });
              setPendingStep('file');
            }}
            onNext={() => {
              keep({ mapping: undefined });
              setPendingStep('options');
            }}
          />
        );
      case 'options':
        return (
          <OptionsStep
            job={loaded}
            fields={fields}
            draft={draft.options}
            onBack={(value) => {
              keep({ options: value });
              setPendingStep('mapping');
            }}
            onNext={() => {
              keep({ options: undefined });
              setPendingStep('preview');
            }}
          />
        );
      case 'preview':
        return <PreviewStep job={loaded} fields={fields} onBack={() => setPendingStep('options')} />;
      case 'result':
        return <ResultStep job={loaded} onAgain={again} />;
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('imports.title')}
          </Typography.Title>
          {loaded && (
            <>
              <Typography.Text strong>{loaded.filename}</Typography.Text>
              <ImportStatusTag job={loaded} />
            </>
          )}
        </Flex>
        <Link to="/imports">
          <Button icon={<HistoryOutlined />}>{t('imports.history')}</Button>
        </Link>
      </Flex>
      <Steps
        current={steps.indexOf(step)}
        status={loaded?.status === 'failed' ? 'error' : step === 'result' && loaded?.status !== 'running' && loaded?.status !== 'undoing' ? 'finish' : 'process'}
        items={steps.map((name) => ({ title: t(`imports.steps.${name}`) }))}
        data-testid="import-steps"
      />
      <Card>{content()}</Card>
    </Flex>
  );
}
