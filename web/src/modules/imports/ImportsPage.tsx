// /imports: the history of imports, newest first — file, leads or targets, status (with the progress of a running
// one), what each did, who ran it and when; each opens the wizard where that import stands.
import { useState } from 'react';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { listImports, type ImportJob } from '../../api/imports';
import { useLanguage } from '../../i18n';
import { formatCount, formatDateTime } from '../common/format';
import { QueryError } from '../common/QueryError';
import { useDirectory } from '../common/useDirectory';
import { importListKey } from './importQueries';
import { ImportStatusTag } from './ImportStatusTag';

const pageSize = 20;
const countKinds = ['created', 'updated', 'duplicate', 'error'] as const;

export function ImportsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { userName } = useDirectory();
  const [page, setPage] = useState(1);
  const imports = useQuery({
    queryKey: [...importListKey, page],
    queryFn: () => listImports(page, pageSize),
    placeholderData: keepPreviousData,
    staleTime: 0,
    // While an import runs, its progress moves on in the table.
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => job.status === 'running' || job.status === 'undoing') ? 2000 : false,
  });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('imports.history')}
        </Typography.Title>
        <Link to="/imports/new">
          <Button type="primary" icon={<UploadOutlined />} data-testid="import-new">
            {t('imports.new')}
          </Button>
        </Link>
      </Flex>
      {imports.error && !imports.data ? (
        <QueryError error={imports.error} onRetry={() => void imports.refetch()} />
      ) : (
        <Table<ImportJob>
          rowKey="id"
          size="middle"
          dataSource={imports.data?.items}
          loading={imports.isPending}
          columns={[
            {
              key: 'filename',
              title: t('imports.list.file'),
              render: (_, job) => (
                <Link to={`/imports/${job.id}`} data-testid="import-link">
                  {job.filename}
                </Link>
              ),
            },
            {
              key: 'entity',
              title: t('imports.entity.label'),
              render: (_, job) => (
                <Tag color={job.entity === 'targets' ? 'purple' : 'blue'} data-testid="import-entity-tag">
                  {t(`imports.entity.${job.entity}`)}
                </Tag>
              ),
            },
            { key: 'status', title: t('imports.list.status'), render: (_, job) => <ImportStatusTag job={job} /> },
            ...countKinds.map((kind) => ({
              key: kind,
              title: t(`imports.counts.${kind}`),
              align: 'end' as const,
              render: (_: unknown, job: ImportJob) => (job.status === 'pending' ? '' : formatCount(job[kind], language)),
            })),
            {
              key: 'created_by',
              title: t('imports.list.createdBy'),
              render: (_, job) => (job.created_by === null ? '' : userName(job.created_by)),
            },
            {
              key: 'created_at',
              title: t('imports.list.createdAt'),
              render: (_, job) => formatDateTime(job.created_at),
            },
          ]}
          pagination={{
            current: page,
            pageSize,
            total: imports.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          data-testid="import-table"
        />
      )}
    </Flex>
  );
}
