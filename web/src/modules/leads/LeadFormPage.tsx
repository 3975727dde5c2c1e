// /leads/new and /leads/:id/edit: the full form, then the lead's detail page once saved. The same
// page serves /targets/new and /targets/:id/edit (T1) with the target registry.
import { useMemo } from 'react';
import { App as AntApp, Form, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchLead } from '../../api/leads';
import { fetchTarget } from '../../api/targets';
import type { ContactRecord, FieldMeta, ParentType } from '../../api/types';
import { QueryError } from '../common/QueryError';
import { recordKey } from '../common/records';
import { DuplicateModal } from './DuplicateModal';
import { LeadForm, formFields } from './LeadForm';
import { toChanges, toCreateInput, toFormValues, type FormValues } from './formValues';
import { useRecordFields } from './useLeadFields';
import { useLeadSave } from './useLeadSave';

const fetchRecord: Record<ParentType, (id: number) => Promise<ContactRecord>> = {
  lead: fetchLead,
  target: fetchTarget,
};

/** The wording of each type: its form's titles and toasts, and what a refused record is. */
const words = {
  lead: { form: 'leadForm', forbidden: 'errors.leadForbidden', notFound: 'errors.leadNotFound' },
  target: { form: 'targetForm', forbidden: 'errors.targetForbidden', notFound: 'errors.targetNotFound' },
} as const;

/**
 * A target becomes Transferred only by converting it (T3), and stays so: its form offers the other
 * statuses, and none to a transferred target.
 */
function settableStatus(type: ParentType, shown: FieldMeta[], transferred: boolean): FieldMeta[] {
  if (type !== 'target') return shown;
  return shown.flatMap((field) =>
    field.name !== 'status'
      ? [field]
      : transferred
        ? []
        : [{ ...field, options: field.options?.filter((option) => option.value !== 'transferred') }],
  );
}

export function LeadFormPage({ type = 'lead' }: { type?: ParentType }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const leadId = id === undefined ? undefined : Number(id);
  const [form] = Form.useForm<FormValues>();
  const { fields, error: metaError, refetch: refetchMeta } = useRecordFields(type);
  const word = words[type];
  const list = `/${type}s`;
  const lead = useQuery({
    queryKey: recordKey(type, leadId ?? 0),
    queryFn: () => fetchRecord[type](leadId as number),
    enabled: leadId !== undefined,
  });
  const { save, saving, duplicateModal, clearServerErrors } = useLeadSave<ContactRecord>({
    type,
    form,
    fields,
    leadId,
    onSaved: (saved, handedOn) => {
      if (handedOn) {
        void message.success(t('leadForm.handedOn'));
        navigate(list);
        return;
      }
      void message.success(t(`${word.form}.${leadId === undefined ? 'created' : 'saved'}`));
      navigate(`${list}/${saved.id}`);
    },
  });

  const transferred = lead.data?.status === 'transferred';
  const shown = useMemo(
    () => (fields ? settableStatus(type, formFields(fields, leadId === undefined), transferred) : []),
    [type, fields, leadId, transferred],
  );
  const initialValues = useMemo(() => (lead.data ? toFormValues(lead.data, shown) : undefined), [lead.data, shown]);

  if (metaError) return <QueryError error={metaError} onRetry={() => void refetchMeta()} />;
  if (lead.error)
    return (
      <QueryError
        error={lead.error}
        onRetry={() => void lead.refetch()}
        forbidden={t(word.forbidden)}
        notFound={t(word.notFound)}
        listPath={list}
      />
    );
  if (!fields || (leadId !== undefined && !lead.data))
    return <Spin size="large" style={{ display: 'block', marginTop: 48 }} />;

  const submit = (values: FormValues) => {
    if (!lead.data) return save(toCreateInput(values, shown));
    const changes = toChanges(values, lead.data, shown);
    if (Object.keys(changes).length === 0) {
      void message.info(t('leadForm.nothingChanged'));
      navigate(`${list}/${lead.data.id}`);
      return;
    }
    save(changes);
  };

  return (
    <>
      <Typography.Title level={3}>
        {lead.data ? t('leadForm.editTitle', { name: lead.data.full_name }) : t(`${word.form}.createTitle`)}
      </Typography.Title>
      <LeadForm
        key={lead.data?.id ?? 'new'}
        form={form}
        fields={fields}
        shown={shown}
        initialValues={initialValues}
        saving={saving}
        onSubmit={submit}
        onValuesChange={clearServerErrors}
        onCancel={() => navigate(lead.data ? `${list}/${lead.data.id}` : list)}
      />
      <DuplicateModal {...duplicateModal} />
    </>
  );
}
