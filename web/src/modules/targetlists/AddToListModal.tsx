// Adds leads to a target list (K2), one already there or one made here by its name: the leads
// list's selection or filter, an import's leads (I7). What is added is the caller's `add`; this
// dialog picks the list, and then says how many joined it, how many were in it already and how
// many were left out as not to be contacted, with a link that opens the list.
import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Flex, Form, Input, Modal, Radio, Select, Spin, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { createTargetList, type MembersAdded, type TargetList } from '../../api/targetLists';
import { clearServerErrors, errorText, showSaveError } from '../common/apiErrors';
import { foldName } from './foldName';
import { targetListLeadsPath } from './paths';
import { useRefreshAfterMembership, useStoreTargetList, useTargetLists } from './targetListQueries';

interface Values {
  mode: 'existing' | 'new';
  list_id?: number;
  name?: string;
}

interface Props {
  open: boolean;
  /** What is added, in words ("The 3 selected leads"). */
  what: ReactNode;
  /** Adds the leads to the list `listId`. */
  add: (listId: number) => Promise<MembersAdded>;
  /** A failure of `add` in the caller's words, when it knows better (an import not done); undefined for the usual. */
  describeError?: (error: Error) => string | undefined;
  onAdded?: (result: MembersAdded, list: TargetList) => void;
  onClose: () => void;
}

type FormProps = Omit<Props, 'open'> & { lists: TargetList[] };

function AddToListForm({ lists, what, add, describeError, onAdded, onClose }: FormProps) {
  const { t } = useTranslation();
  const { message, notification } = AntApp.useApp();
  const storeList = useStoreTargetList();
  const refresh = useRefreshAfterMembership();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const name = Form.useWatch('name', form);
  // Why adding failed, shown in the dialog, which stays open to try again.
  const [failure, setFailure] = useState<string | null>(null);
  // The list made here, until the lists read again hold it.
  const [made, setMade] = useState<TargetList>();
  const choices = made && !lists.some((list) => list.id === made.id) ? [...lists, made] : lists;
  // A name some list has already (case and marks aside), said before the server refuses it.
  const taken =
    mode === 'new' && name?.trim() ? lists.find((list) => foldName(list.name) === foldName(name)) : undefined;

  const tellAdded = (list: TargetList, result: MembersAdded) => {
    const key = `target-list-added-${list.id}`;
    // Nothing new is no success to celebrate: said as information.
    notification[result.added > 0 ? 'success' : 'info']({
      key,
      title:
        result.added > 0
          ? t('targetLists.added', { count: result.added, name: list.name })
          : t('targetLists.addedNone', { name: list.name }),
      description: (
        <Flex vertical gap={4} data-testid="add-to-list-result">
          {result.already > 0 && <span>{t('targetLists.already', { count: result.already })}</span>}
          {result.do_not_contact > 0 && <span>{t('targetLists.leftOut', { count: result.do_not_contact })}</span>}
          <Link
            to={targetListLeadsPath(list.id)}
            onClick={() => notification.destroy(key)}
            data-testid="added-list-link"
          >
            {t('targetLists.open')}
          </Link>
        </Flex>
      ),
      duration: 10,
    });
  };

  const addTo = useMutation({
    mutationFn: (list: TargetList) => add(list.id),
    onSuccess: (result, list) => {
      refresh();
      tellAdded(list, result);
      onAdded?.(result, list);
      onClose();
    },
    onError: (error) => setFailure(describeError?.(error) ?? errorText(error, t)),
  });
  const create = useMutation({
    mutationFn: (listName: string) => createTargetList({ name: listName }),
    onSuccess: (list) => {
      storeList(list);
      setMade(list);
      // The list is there from now on: should adding fail, trying again adds to it instead of
      // making it a second time (which its name would refuse).
      form.setFieldsValue({ mode: 'existing', list_id: list.id, name: undefined });
      addTo.mutate(list);
    },
    onError: (error) => showSaveError(error, { form, message, t, nameTaken: 'list_name_taken' }),
  });

  const submit = (values: Values) => {
    if (create.isPending || addTo.isPending) return;
    setFailure(null);
    if (values.mode === 'new') return create.mutate((values.name ?? '').trim());
    const list = choices.find((item) => item.id === values.list_id);
    if (list) addTo.mutate(list);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ mode: lists.length > 0 ? 'existing' : 'new' }}
      onFinish={submit}
      onValuesChange={(changed) => {
        setFailure(null);
        clearServerErrors(form, changed);
      }}
      data-testid="add-to-list-form"
    >
      <Typography.Paragraph data-testid="add-to-list-what">{what}</Typography.Paragraph>
      <Form.Item name="mode">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'existing', label: t('targetLists.existing'), disabled: choices.length === 0 },
            { value: 'new', label: t('targetLists.new') },
          ]}
          data-testid="add-to-list-mode"
        />
      </Form.Item>
      {mode === 'new' ? (
        <Form.Item
          name="name"
          label={t('targetLists.newName')}
          rules={[{ required: true, whitespace: true, message: t('fieldErrors.required') }]}
          extra={
            taken && (
              <Typography.Text type="warning" data-testid="add-to-list-taken">
                {t('targetLists.nameExists', { name: taken.name })}
              </Typography.Text>
            )
          }
        >
          <Input maxLength={100} autoFocus data-testid="add-to-list-name" />
        </Form.Item>
      ) : (
        <Form.Item
          name="list_id"
          label={t('targetLists.choose')}
          rules={[{ required: true, message: t('fieldErrors.required') }]}
        >
          <Select
            autoFocus
            placeholder={t('targetLists.choosePlaceholder')}
            showSearch={{
              filterOption: (input, option) => foldName(String(option?.label ?? '')).includes(foldName(input)),
            }}
            options={choices.map((list) => ({ value: list.id, label: list.name, members: list.members }))}
            optionRender={(option) => (
              <Flex justify="space-between" gap={16}>
                <span>{option.label}</span>
                <Typography.Text type="secondary">
                  {t('targetLists.memberCount', { count: Number(option.data.members) })}
                </Typography.Text>
              </Flex>
            )}
            notFoundContent={t('targetLists.none')}
            data-testid="add-to-list-select"
          />
        </Form.Item>
      )}
      {failure && (
        <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="add-to-list-error" />
      )}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending || addTo.isPending}
          data-testid="add-to-list-submit"
        >
          {t('targetLists.add')}
        </Button>
      </Flex>
    </Form>
  );
}

export function AddToListModal({ open, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  const lists = useTargetLists(open);
  return (
    <Modal open={open} title={t('targetLists.addTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      {lists.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : (
        // Lists that failed to load leave "new list" to choose; the error says why there is no other.
        <>
          {lists.error && (
            <Alert type="warning" showIcon title={errorText(lists.error, t)} style={{ marginBottom: 16 }} />
          )}
          <AddToListForm lists={lists.data?.items ?? []} onClose={onClose} {...rest} />
        </>
      )}
    </Modal>
  );
}
