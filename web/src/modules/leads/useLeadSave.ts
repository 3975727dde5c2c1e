// Saving a lead from any form: 409 opens the duplicate dialog (L3), 422 puts each
// message next to the field it names, anything else becomes a toast.
import { useState } from 'react';
import { App as AntApp, type FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createLead, updateLead } from '../../api/leads';
import { ApiError, type DuplicateMatch, type Lead, type LeadInput } from '../../api/types';
import type { DuplicateModalProps } from './DuplicateModal';
import type { LeadFields } from './useLeadFields';

interface Attempt {
  input: LeadInput;
  allowDuplicate: boolean;
}

interface Options {
  form: FormInstance;
  fields: LeadFields | undefined;
  /** The lead being edited; creates a new one when absent. */
  leadId?: number;
  onSaved: (lead: Lead) => void;
}

export function useLeadSave({ form, fields, leadId, onSaved }: Options) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<{ input: LeadInput; duplicates: DuplicateMatch[] } | null>(null);

  const showFieldErrors = (error: ApiError) => {
    const onForm = new Set(Object.keys(form.getFieldsValue()));
    const elsewhere: string[] = [];
    const byField = new Map<string, string[]>();
    for (const detail of error.details) {
      const text = detail.reason ? t(`fieldErrors.${detail.reason}`, { defaultValue: detail.message }) : detail.message;
      if (detail.field && onForm.has(detail.field)) {
        byField.set(detail.field, [...(byField.get(detail.field) ?? []), text]);
      } else {
        elsewhere.push(detail.field ? `${fields?.label(detail.field) ?? detail.field}: ${text}` : text);
      }
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    if (byField.size > 0) form.scrollToField(byField.keys().next().value as string);
    if (elsewhere.length > 0 || byField.size === 0) void message.error([error.message, ...elsewhere].join(' — '));
  };

  const mutation = useMutation({
    mutationFn: ({ input, allowDuplicate }: Attempt) => {
      const body = allowDuplicate ? { ...input, allow_duplicate: true } : input;
      return leadId === undefined ? createLead(body) : updateLead(leadId, body);
    },
    onSuccess: (lead) => {
      setPending(null);
      queryClient.setQueryData(['lead', lead.id], lead);
      void queryClient.invalidateQueries({ queryKey: ['lead', lead.id, 'timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      onSaved(lead);
    },
    onError: (error, attempt) => {
      setPending(null);
      if (error instanceof ApiError && error.code === 'duplicate') {
        setPending({ input: attempt.input, duplicates: error.duplicates });
      } else if (error instanceof ApiError && error.code === 'validation_failed') {
        showFieldErrors(error);
      } else if (error instanceof ApiError && error.status === 403) {
        void message.error(t('errors.forbidden'));
      } else {
        void message.error(error.message);
      }
    },
  });

  const duplicateModal: DuplicateModalProps = {
    duplicates: pending?.duplicates ?? null,
    saving: mutation.isPending,
    onBack: () => setPending(null),
    onSaveAnyway: () => pending && mutation.mutate({ input: pending.input, allowDuplicate: true }),
  };

  return {
    save: (input: LeadInput) => mutation.mutate({ input, allowDuplicate: false }),
    /** For the form's onValuesChange: a field's server error goes once the user edits it. */
    clearServerErrors: (changed: Record<string, unknown>) =>
      form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] }))),
    saving: mutation.isPending,
    duplicateModal,
  };
}
