// Saving a lead (or a target) from any form: 409 opens the duplicate dialog (L3), 422 puts each
// message next to the field it names (custom.<name> too), anything else becomes a toast.
// A new lead may go by an assignment rule (R3) to someone its creator cannot see (an agent's to
// another agent, a manager's to another team by an admin's rule): the form is told it can no
// longer open it.
import { useState } from 'react';
import { App as AntApp, type FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createLead, updateLead } from '../../api/leads';
import { createTarget, updateTarget } from '../../api/targets';
import {
  ApiError,
  type ContactRecord,
  type DuplicateMatch,
  type Lead,
  type LeadInput,
  type ParentType,
} from '../../api/types';
import { clearServerErrors, showSaveError } from '../common/apiErrors';
import { useCurrentUser } from '../auth/AuthProvider';
import { seesLead } from '../auth/roles';
import { recordKey, recordListKey } from '../common/records';
import type { DuplicateModalProps } from './DuplicateModal';
import type { LeadFields } from './useLeadFields';

interface Attempt {
  input: LeadInput;
  allowDuplicate: boolean;
}

interface SaveApi {
  create: (input: LeadInput) => Promise<ContactRecord>;
  update: (id: number, input: LeadInput) => Promise<ContactRecord>;
}

const saveRecord: Record<ParentType, SaveApi> = {
  lead: { create: createLead, update: updateLead },
  target: { create: createTarget, update: updateTarget },
};

interface Options<T extends ContactRecord> {
  /** What is saved: a lead (the default) or a target. */
  type?: ParentType;
  form: FormInstance;
  fields: LeadFields | undefined;
  /** The record being edited; creates a new one when absent. */
  leadId?: number;
  /** `handedOn`: a rule gave the new lead to someone its creator cannot see, so they cannot open it
   * (never for a target: no rule hands targets out). */
  onSaved: (record: T, handedOn: boolean) => void;
}

export function useLeadSave<T extends ContactRecord = Lead>({
  type = 'lead',
  form,
  fields,
  leadId,
  onSaved,
}: Options<T>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [pending, setPending] = useState<{ input: LeadInput; duplicates: DuplicateMatch[] } | null>(null);

  const mutation = useMutation({
    mutationFn: ({ input, allowDuplicate }: Attempt) => {
      const body = allowDuplicate ? { ...input, allow_duplicate: true } : input;
      const api = saveRecord[type];
      return (leadId === undefined ? api.create(body) : api.update(leadId, body)) as Promise<T>;
    },
    onSuccess: (record) => {
      setPending(null);
      queryClient.setQueryData(recordKey(type, record.id), record);
      void queryClient.invalidateQueries({ queryKey: [...recordKey(type, record.id), 'timeline'] });
      void queryClient.invalidateQueries({ queryKey: recordListKey(type) });
      onSaved(record, type === 'lead' && leadId === undefined && !seesLead(user, record));
    },
    onError: (error, attempt) => {
      setPending(null);
      if (error instanceof ApiError && error.code === 'duplicate') {
        setPending({ input: attempt.input, duplicates: error.duplicates });
      } else {
        showSaveError(error, { form, message, t, label: (field) => fields?.label(field) ?? field });
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
    clearServerErrors: (changed: Record<string, unknown>) => clearServerErrors(form, changed),
    saving: mutation.isPending,
    duplicateModal,
  };
}
