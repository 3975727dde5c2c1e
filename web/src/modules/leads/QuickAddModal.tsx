// "Thêm nhanh": a lead from the few fields the registry marks quick_add, without leaving the list.
import { useMemo } from 'react';
import { App as AntApp, Button, Form, Modal } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { keepEnterInPickers } from '../common/pickerEnter';
import { DuplicateModal } from './DuplicateModal';
import { LeadFieldItem } from './LeadFieldItem';
import { toCreateInput, type FormValues } from './formValues';
import { isEditable, type LeadFields } from './useLeadFields';
import { useLeadSave } from './useLeadSave';

interface Props {
  open: boolean;
  fields: LeadFields;
  onClose: () => void;
}

export function QuickAddModal({ open, fields, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const shown = useMemo(() => fields.all.filter((field) => field.quick_add && isEditable(field)), [fields]);
  const { save, saving, duplicateModal, clearServerErrors } = useLeadSave({
    form,
    fields,
    onSaved: (lead, handedOn) => {
      void message.success(
        handedOn ? (
          t('leadForm.handedOn')
        ) : (
          <>
            {t('leadForm.created')} <Link to={`/leads/${lead.id}`}>{lead.full_name}</Link>
          </>
        ),
      );
      form.resetFields();
      onClose();
    },
  });

  return (
    <>
      <Modal
        open={open}
        title={t('leads.quickAdd')}
        onCancel={onClose}
        forceRender
        footer={[
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button key="save" type="primary" loading={saving} onClick={() => form.submit()} data-testid="quick-add-save">
            {t('common.save')}
          </Button>,
        ]}
      >
        <Form
          form={form}
          name="quick_add"
          layout="vertical"
          onFinish={(values) => save(toCreateInput(values, shown))}
          onValuesChange={clearServerErrors}
          onKeyDown={keepEnterInPickers}
          data-testid="quick-add-form"
        >
          {shown.map((field) => (
            <LeadFieldItem key={field.name} field={field} label={fields.label(field.name)} />
          ))}
        </Form>
      </Modal>
      <DuplicateModal {...duplicateModal} />
    </>
  );
}
