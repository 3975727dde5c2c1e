// /leads/new and /leads/:id/edit: the full form, then the lead's detail page once saved.
import { useMemo } from 'react';
import { App as AntApp, Form, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchLead } from '../../api/leads';
import { QueryError } from '../common/QueryError';
import { DuplicateModal } from './DuplicateModal';
import { LeadForm, formFields } from './LeadForm';
import { toChanges, toCreateInput, toFormValues, type FormValues } from './formValues';
import { useLeadFields } from './useLeadFields';
import { useLeadSave } from './useLeadSave';

export function LeadFormPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const leadId = id === undefined ? undefined : Number(id);
  const [form] = Form.useForm<FormValues>();
  const { fields, error: metaError, refetch: refetchMeta } = useLeadFields();
  const lead = useQuery({
    queryKey: ['lead', leadId],
    queryFn: () => fetchLead(leadId as number),
    enabled: leadId !== undefined,
  });
  const { save, saving, duplicateModal, clearServerErrors } = useLeadSave({
    form,
    fields,
    leadId,
    onSaved: (saved, handedOn) => {
      if (handedOn) {
        void message.success(t('leadForm.handedOn'));
        navigate('/leads');
        return;
      }
      void message.success(t(leadId === undefined ? 'leadForm.created' : 'leadForm.saved'));
      navigate(`/leads/${saved.id}`);
    },
  });

  const shown = useMemo(() => (fields ? formFields(fields, leadId === undefined) : []), [fields, leadId]);
  const initialValues = useMemo(() => (lead.data ? toFormValues(lead.data, shown) : undefined), [lead.data, shown]);

  if (metaError) return <QueryError error={metaError} onRetry={() => void refetchMeta()} />;
  if (lead.error)
    return (
      <QueryError
        error={lead.error}
        onRetry={() => void lead.refetch()}
        forbidden={t('errors.leadForbidden')}
        notFound={t('errors.leadNotFound')}
      />
    );
  if (!fields || (leadId !== undefined && !lead.data))
    return <Spin size="large" style={{ display: 'block', marginTop: 48 }} />;

  const submit = (values: FormValues) => {
    if (!lead.data) return save(toCreateInput(values, shown));
    const changes = toChanges(values, lead.data, shown);
    if (Object.keys(changes).length === 0) {
      void message.info(t('leadForm.nothingChanged'));
      navigate(`/leads/${lead.data.id}`);
      return;
    }
    save(changes);
  };

  return (
    <>
      <Typography.Title level={3}>
        {lead.data ? t('leadForm.editTitle', { name: lead.data.full_name }) : t('leadForm.createTitle')}
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
        onCancel={() => navigate(lead.data ? `/leads/${lead.data.id}` : '/leads')}
      />
      <DuplicateModal {...duplicateModal} />
    </>
  );
}
