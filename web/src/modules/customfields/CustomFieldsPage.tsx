// /custom-fields (A1, admins): the custom fields of leads; create one, change labels, options,
// required and active. Forms, the detail page, filters and columns follow them.
import { useState } from 'react';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listCustomFields } from '../../api/customFields';
import type { CustomField } from '../../api/types';
import { useLanguage } from '../../i18n';
import { QueryError } from '../common/QueryError';
import { CustomFieldModal } from './CustomFieldModal';

export function CustomFieldsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const fields = useQuery({ queryKey: ['custom-fields'], queryFn: listCustomFields });
  // The field stays while its dialog closes, so that the dialog does not turn into a new field meanwhile.
  const [editing, setEditing] = useState<{ open: boolean; field?: CustomField }>({ open: false });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.customFields')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ open: true })}
          data-testid="custom-field-create"
        >
          {t('customFields.create')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('customFields.hint')}</Typography.Text>
      {fields.error ? (
        <QueryError error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <Table<CustomField>
          rowKey="id"
          size="middle"
          loading={fields.isFetching}
          dataSource={[...(fields.data?.items ?? [])].sort((a, b) => a.position - b.position)}
          pagination={false}
          columns={[
            { key: 'label', title: t('customFields.label'), render: (_, field) => field.label[language] },
            {
              key: 'name',
              title: t('customFields.name'),
              render: (_, field) => <Typography.Text code>{field.name}</Typography.Text>,
            },
            { key: 'type', title: t('customFields.type'), render: (_, field) => t(`customFields.types.${field.type}`) },
            {
              key: 'options',
              title: t('customFields.options'),
              render: (_, field) => field.options.map((option) => option.label[language]).join(', '),
            },
            {
              key: 'required',
              title: t('customFields.required'),
              render: (_, field) => (field.required ? t('common.yes') : t('common.no')),
            },
            {
              key: 'active',
              title: t('customFields.active'),
              render: (_, field) =>
                field.active ? (
                  <Tag color="green">{t('customFields.isActive')}</Tag>
                ) : (
                  <Tag>{t('customFields.isInactive')}</Tag>
                ),
            },
            {
              key: 'edit',
              title: '',
              align: 'end',
              render: (_, field) => (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ open: true, field })}
                  data-testid={`custom-field-edit-${field.name}`}
                >
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
          data-testid="custom-field-table"
        />
      )}
      <CustomFieldModal
        open={editing.open}
        field={editing.field}
        onClose={() => setEditing({ ...editing, open: false })}
      />
    </Flex>
  );
}
