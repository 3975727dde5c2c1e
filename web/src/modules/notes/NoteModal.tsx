// C5: add a note to a lead or a target, or change one; it shows on the record's timeline.
import { App as AntApp, Button, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createNote, updateNote } from '../../api/notes';
import type { Note, ParentType } from '../../api/types';
import { recordKey } from '../common/records';
import { clearServerErrors, showSaveError } from '../common/apiErrors';

interface Values {
  body: string;
}

interface FormProps {
  parentType: ParentType;
  parentId: number;
  note?: Note;
  onDone: () => void;
}

function NoteForm({ parentType, parentId, note, onDone }: FormProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: ({ body }: Values) =>
      note ? updateNote(note.id, body.trim()) : createNote(parentType, parentId, body.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordKey(parentType, parentId) });
      void message.success(t(note ? 'notes.saved' : 'notes.added'));
      onDone();
    },
    onError: (error) => showSaveError(error, { form, message, t }),
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ body: note?.body ?? '' }}
      onFinish={(values) => save.mutate(values)}
      onValuesChange={(changed) => clearServerErrors(form, changed)}
      data-testid="note-form"
    >
      <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('fieldErrors.required') }]}>
        <Input.TextArea rows={5} maxLength={10000} autoFocus placeholder={t('notes.placeholder')} data-testid="note-body" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0, textAlign: 'end' }}>
        <Button onClick={onDone} style={{ marginInlineEnd: 8 }}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="note-save">
          {t('common.save')}
        </Button>
      </Form.Item>
    </Form>
  );
}

interface Props {
  open: boolean;
  /** The record the note is on: a lead (the default) or a target. */
  parentType?: ParentType;
  parentId: number;
  /** The note to change; a new note when absent. */
  note?: Note;
  onClose: () => void;
}

export function NoteModal({ open, parentType = 'lead', parentId, note, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t(note ? 'notes.editTitle' : 'notes.addTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <NoteForm parentType={parentType} parentId={parentId} note={note} onDone={onClose} />
    </Modal>
  );
}
