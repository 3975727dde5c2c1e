// T3 "Convert to Lead": the selected targets, or all that match the filter, become leads — only
// those in Wait for deliver; the others are skipped — optionally all given to one owner
// ("Assign to"). Each converted target turns Transferred and links to its lead.
import { Alert, App as AntApp, Button, Flex, Form, Modal, Radio, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { convertTargets, type ConvertRequest, type ConvertResult } from '../../api/targets';
import type { LeadFilter } from '../../api/types';
import { useLanguage } from '../../i18n';
import { errorText } from '../common/apiErrors';
import { formatCount } from '../common/format';
import { useDirectory } from '../common/useDirectory';

interface Values {
  scope: 'selected' | 'filter';
  owner_id?: number;
}

/** What a conversion did, in a sentence: how many became leads and how many were skipped. */
export function convertedText(result: ConvertResult, t: TFunction): string {
  const { converted, skipped, problems = [] } = result;
  const sentence =
    converted === 0
      ? t('targets.convert.none', { count: skipped })
      : t(skipped > 0 ? 'targets.convert.doneSkipped' : 'targets.convert.done', { count: converted, skipped });
  if (problems.length === 0) return sentence;
  return `${sentence} ${t('targets.convert.problems', { names: problems.map((p) => p.full_name).join(', ') })}`;
}

interface Props {
  open: boolean;
  selectedIds: number[];
  /** The list's filter, for "all matching". */
  filter: LeadFilter;
  /** How many targets match the filter, for the scope's label. */
  matching: number;
  onClose: () => void;
  /** After a conversion: the list clears its selection. */
  onDone: (result: ConvertResult) => void;
}

export function ConvertModal({ open, selectedIds, filter, matching, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { assignableOptions } = useDirectory();
  const [form] = Form.useForm<Values>();
  const convert = useMutation({
    mutationFn: (request: ConvertRequest) => convertTargets(request),
    onSuccess: (result) => {
      for (const key of ['targets', 'target', 'leads']) void queryClient.invalidateQueries({ queryKey: [key] });
      if (result.converted > 0) void message.success(convertedText(result, t));
      else void message.warning(convertedText(result, t));
      onDone(result);
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const submit = ({ scope, owner_id }: Values) =>
    convert.mutate({
      ...(scope === 'selected' ? { ids: selectedIds } : { filter }),
      ...(owner_id !== undefined ? { owner_id } : {}),
    });

  return (
    <Modal open={open} title={t('targets.convert.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ scope: selectedIds.length > 0 ? 'selected' : 'filter' }}
        onFinish={submit}
        data-testid="convert-form"
      >
        <Alert type="info" showIcon title={t('targets.convert.hint')} style={{ marginBottom: 16 }} />
        <Form.Item name="scope" label={t('massUpdate.scope')}>
          <Radio.Group>
            <Radio value="selected" disabled={selectedIds.length === 0}>
              {t('massUpdate.selected', { count: selectedIds.length })}
            </Radio>
            <Radio value="filter">
              {t('massUpdate.targets.allMatching', { total: formatCount(matching, language) })}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="owner_id" label={t('targets.convert.assignTo')} extra={t('targets.convert.assignToHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('targets.convert.keepOwner')}
            options={assignableOptions}
            data-testid="convert-owner"
          />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={convert.isPending} data-testid="convert-confirm">
            {t('targets.convert.submit')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
