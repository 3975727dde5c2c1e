// Step 1 (I1, I2, T5): what the file holds (leads or targets), the templates to start from, the
// file (.xlsx or .csv) and, in a workbook with several sheets, the sheet to read.
import { Alert, App as AntApp, Button, Flex, Radio, Select, Typography, Upload } from 'antd';
import { InboxOutlined, LoadingOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  importEntities,
  importTemplateUrl,
  updateImport,
  uploadImport,
  type ImportEntity,
  type ImportJob,
} from '../../api/imports';
import { ApiError } from '../../api/types';
import { useLanguage } from '../../i18n';
import { formatCount } from '../common/format';
import { detailText, errorText } from '../common/apiErrors';
import { useStoreImport } from './importQueries';

/**
 * Why the server refused the file: too large, or not a spreadsheet it can read, worded by its
 * reason, with the server's own words on what it found in brackets.
 */
function uploadErrorText(error: Error, t: TFunction): string {
  if (error instanceof ApiError && error.code === 'payload_too_large') return t('imports.file.tooLarge');
  const detail = error instanceof ApiError ? error.details.find((d) => d.field === 'file') : undefined;
  if (!detail) return errorText(error, t);
  const worded = detailText(detail, t);
  return worded === detail.message ? worded : `${worded} (${detail.message})`;
}

interface Props {
  /** The file uploaded already, when the user came back to this step. */
  job: ImportJob | undefined;
  /** What a new file will create; an uploaded file keeps what it was uploaded for. */
  entity: ImportEntity;
  onEntityChange: (entity: ImportEntity) => void;
  onUploaded: (job: ImportJob) => void;
  onNext: () => void;
}

export function FileStep({ job, entity: chosen, onEntityChange, onUploaded, onNext }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const storeImport = useStoreImport();
  const entity = job?.entity ?? chosen;
  const upload = useMutation({ mutationFn: (file: File) => uploadImport(file, entity), onSuccess: onUploaded });
  const pickSheet = useMutation({
    // Another sheet has other columns: the server proposes their mapping afresh.
    mutationFn: ({ current, sheet }: { current: ImportJob; sheet: string }) => updateImport(current.id, { sheet }),
    onSuccess: storeImport,
    onError: (error) => void message.error(errorText(error, t)),
  });

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Typography.Text>{t('imports.entity.label')}</Typography.Text>
        {/* Another file may be for the other kind: the choice stays open until the next step. */}
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={entity}
          disabled={job !== undefined || upload.isPending}
          onChange={(event) => onEntityChange(event.target.value as ImportEntity)}
          options={importEntities.map((value) => ({ value, label: t(`imports.entity.${value}`) }))}
          data-testid="import-entity"
        />
      </Flex>
      <Typography.Text>
        {t('imports.file.templateHint')}{' '}
        <a href={importTemplateUrl(entity, 'xlsx', language)} download data-testid="import-template-xlsx">
          {t('imports.file.templateXlsx')}
        </a>
        {' · '}
        <a href={importTemplateUrl(entity, 'csv', language)} download data-testid="import-template-csv">
          {t('imports.file.templateCsv')}
        </a>
      </Typography.Text>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        customRequest={({ file }) => {
          if (file instanceof File) upload.mutate(file);
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">{upload.isPending ? <LoadingOutlined /> : <InboxOutlined />}</p>
        <p className="ant-upload-text">
          {upload.isPending ? t('imports.file.uploading') : job ? t('imports.file.another') : t('imports.file.drop')}
        </p>
        <p className="ant-upload-hint">{t('imports.file.dropHint')}</p>
      </Upload.Dragger>
      {upload.error && (
        <Alert type="error" showIcon title={uploadErrorText(upload.error, t)} data-testid="import-upload-error" />
      )}
      {job && (
        <Flex align="center" wrap gap={16}>
          <Typography.Text data-testid="import-file">
            {t('imports.file.uploaded', { name: job.filename, rows: formatCount(job.rows_estimate, language) })}
          </Typography.Text>
          {job.sheets.length > 1 && (
            <Flex align="center" gap={8}>
              <Typography.Text>{t('imports.file.sheet')}</Typography.Text>
              <Select
                style={{ minWidth: 180 }}
                value={job.sheet ?? job.sheets[0]}
                loading={pickSheet.isPending}
                disabled={pickSheet.isPending} // one sheet at a time: the server refuses a second meanwhile
                options={job.sheets.map((sheet) => ({ value: sheet, label: sheet }))}
                onChange={(sheet) => pickSheet.mutate({ current: job, sheet })}
                data-testid="import-sheet"
              />
            </Flex>
          )}
          <Button
            type="primary"
            style={{ marginInlineStart: 'auto' }}
            disabled={pickSheet.isPending}
            onClick={onNext}
            data-testid="import-next"
          >
            {t('imports.next')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
