// Step 2 (I3): which lead field each column of the file goes to. The server proposes a mapping
// from the headers; the user confirms or changes it, or applies a saved one. An admin can make a
// custom field for a column that has none, named after its header.
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Divider, Flex, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateImport, type ImportJob, type ImportMapping } from '../../api/imports';
import { ApiError } from '../../api/types';
import { useCurrentUser } from '../auth/AuthProvider';
import { CustomFieldModal } from '../customfields/CustomFieldModal';
import { fieldNameFrom } from '../customfields/fieldName';
import { isEditable, type LeadFields } from '../leads/useLeadFields';
import { detailText, errorText } from '../common/apiErrors';
import { useFollowImportChanges, useStoreImport } from './importQueries';
import { MappingPresets } from './MappingPresets';

/** What the user chose before, else what the server proposed, else nothing ('' ignores the column). */
const initialMapping = (job: ImportJob): ImportMapping =>
  Object.fromEntries(job.columns.map((column) => [column, job.mapping[column] ?? job.suggested_mapping[column] ?? '']));

interface Row {
  index: number;
  column: string;
  samples: string[];
}

interface Props {
  job: ImportJob;
  fields: LeadFields;
  /** What the user had chosen when they last went back from this step, not saved yet. */
  draft?: ImportMapping;
  onBack: (draft: ImportMapping) => void;
  onNext: () => void;
}

export function MappingStep({ job, fields, draft, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const storeImport = useStoreImport();
  const followChanges = useFollowImportChanges(job.id);
  const canMakeFields = useCurrentUser().role === 'admin';
  const [mapping, setMapping] = useState(() => draft ?? initialMapping(job));
  /** The column a new custom field is being made for. */
  const [fieldFor, setFieldFor] = useState<string>();
  /** The server's objections by column (details named `mapping.<column>`). */
  const [columnErrors, setColumnErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: () => updateImport(job.id, { mapping }),
    onSuccess: (saved) => {
      storeImport(saved);
      onNext();
    },
    onError: (error) => {
      followChanges(error);
      if (!(error instanceof ApiError) || error.code !== 'validation_failed') return void message.error(errorText(error, t));
      const byColumn: Record<string, string> = {};
      const rest: string[] = [];
      for (const detail of error.details) {
        const column = detail.field?.startsWith('mapping.') ? detail.field.slice('mapping.'.length) : undefined;
        if (column !== undefined && column in mapping) byColumn[column] = detailText(detail, t);
        // E.g. a default owner deactivated since the options step: every save checks them again.
        else rest.push(detail.field ? `${fields.label(detail.field)}: ${detailText(detail, t)}` : detailText(detail, t));
      }
      setColumnErrors(byColumn);
      // The server's summary is English: the toast has it only when no detail says more.
      if (rest.length > 0) void message.error(rest.join(' — '));
      else if (Object.keys(byColumn).length === 0) void message.error(error.message);
    },
  });

  // The target fields: the lead's ID (to update leads from an exported file) and every writable field.
  const targets = useMemo(() => {
    // A target's status comes from its calls and its conversion, never from a file (T2, T3).
    const importable = (name: string) => !(job.entity === 'targets' && name === 'status');
    const names = ['id', ...fields.all.filter(isEditable).map((field) => field.name).filter(importable)];
    return [
      { value: '', title: t('imports.mapping.ignore'), label: t('imports.mapping.ignore') },
      ...names.map((name) => ({
        value: name,
        title: fields.label(name),
        label: fields.get(name)?.required ? (
          <>
            {fields.label(name)} <Typography.Text type="danger">*</Typography.Text>
          </>
        ) : (
          fields.label(name)
        ),
      })),
    ];
  }, [fields, job.entity, t]);

  // Columns by the field they go to: a field chosen for two columns is flagged on both.
  const columnsByField = useMemo(() => {
    const found = new Map<string, string[]>();
    for (const [column, field] of Object.entries(mapping)) {
      if (field) found.set(field, [...(found.get(field) ?? []), column]);
    }
    return found;
  }, [mapping]);
  const usedTwice = [...columnsByField.values()].some((columns) => columns.length > 1);
  const missingRequired = fields.all.filter((field) => field.required && isEditable(field) && !columnsByField.has(field.name));
  // A row needs a name, unless the file updates leads by their ID (an edited export).
  const nameMissing = !columnsByField.has('full_name') && !columnsByField.has('id');

  const choose = (column: string, field: string) => {
    setMapping((current) => ({ ...current, [column]: field }));
    setColumnErrors((current) => {
      const rest = { ...current };
      delete rest[column];
      return rest;
    });
  };

  const rows: Row[] = job.columns.map((column, index) => ({
    index,
    column,
    samples: job.sample.map((cells) => cells[index] ?? '').filter((cell) => cell !== ''),
  }));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {t(job.entity === 'targets' ? 'imports.mapping.hintTargets' : 'imports.mapping.hint')}
        </Typography.Text>
        <MappingPresets
          entity={job.entity}
          mapping={mapping}
          onApply={(preset) => {
            setMapping((current) =>
              Object.fromEntries(Object.entries(current).map(([column, field]) => [column, preset.mapping[column] ?? field])),
            );
            setColumnErrors({});
          }}
        />
      </Flex>
      {missingRequired.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.mapping.missingRequired', { fields: missingRequired.map((field) => fields.label(field.name)).join(', ') })}
          data-testid="import-missing-required"
        />
      )}
      <Table<Row>
        rowKey="index"
        size="small"
        pagination={false}
        tableLayout="fixed"
        dataSource={rows}
        columns={[
          {
            key: 'column',
            title: t('imports.mapping.column'),
            // Long headers wrap in a column of their own width, not one word a line beside the
            // samples; a long field name is cut short in its box rather than widen the page.
            width: '30%',
            render: (_, row) => <Typography.Text strong>{row.column}</Typography.Text>,
          },
          {
            key: 'sample',
            title: t('imports.mapping.sample'),
            render: (_, row) => (
              <Typography.Text type="secondary" ellipsis={{ tooltip: true }}>
                {row.samples.join(' · ')}
              </Typography.Text>
            ),
          },
          {
            key: 'field',
            title: t('imports.mapping.field'),
            width: '35%',
            render: (_, row) => {
              const field = mapping[row.column];
              const others = field ? (columnsByField.get(field) ?? []).filter((column) => column !== row.column) : [];
              const problem =
                columnErrors[row.column] ??
                (others.length > 0 ? t('imports.mapping.usedTwice', { columns: others.join(', ') }) : undefined);
              return (
                <Flex vertical gap={4}>
                  <Select
                    style={{ width: '100%' }}
                    showSearch={{ optionFilterProp: 'title' }}
                    value={field}
                    options={targets}
                    status={problem ? 'error' : undefined}
                    onChange={(value: string) => choose(row.column, value)}
                    popupRender={(menu) =>
                      canMakeFields ? (
                        <>
                          {menu}
                          <Divider style={{ margin: '4px 0' }} />
                          <Button
                            type="link"
                            icon={<PlusOutlined />}
                            onClick={() => setFieldFor(row.column)}
                            data-testid={`import-mapping-new-field-${row.index}`}
                          >
                            {t('imports.mapping.newField')}
                          </Button>
                        </>
                      ) : (
                        menu
                      )
                    }
                    data-testid={`import-mapping-${row.index}`}
                  />
                  {problem && (
                    <Typography.Text type="danger" data-testid={`import-mapping-problem-${row.index}`}>
                      {problem}
                    </Typography.Text>
                  )}
                </Flex>
              );
            },
          },
        ]}
        data-testid="import-mapping"
      />
      <CustomFieldModal
        open={fieldFor !== undefined}
        suggested={fieldFor === undefined ? undefined : { name: fieldNameFrom(fieldFor), label: fieldFor.trim() }}
        onClose={(saved) => {
          if (saved && fieldFor !== undefined) choose(fieldFor, `custom.${saved.name}`);
          setFieldFor(undefined);
        }}
      />
      <Flex justify="space-between" align="center" gap={8}>
        <Button onClick={() => onBack(mapping)}>{t('imports.back')}</Button>
        <Flex align="center" gap={8}>
          {usedTwice && <Typography.Text type="danger">{t('imports.mapping.usedTwiceBlocked')}</Typography.Text>}
          {nameMissing && (
            <Typography.Text type="danger" data-testid="import-name-missing">
              {t('imports.mapping.nameMissing', { field: fields.label('full_name') })}
            </Typography.Text>
          )}
          <Button
            type="primary"
            loading={save.isPending}
            disabled={usedTwice || nameMissing || columnsByField.size === 0}
            onClick={() => save.mutate()}
            data-testid="import-next"
          >
            {t('imports.next')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
