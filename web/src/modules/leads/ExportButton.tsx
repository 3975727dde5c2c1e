// I9, T5: the list as it stands — its filters, its columns, the IDs first — downloaded as csv or
// xlsx, headers in the interface language. A plain link, so the browser streams the file to disk.
import { Button, Dropdown } from 'antd';
import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { QueryParams } from '../../api/client';
import { leadsExportUrl } from '../../api/leads';
import { useLanguage } from '../../i18n';

interface Props {
  /** The list's filter parameters and sort, as GET /api/leads takes them. */
  params: QueryParams;
  /** The columns shown, in their order. */
  columns: string[];
  disabled: boolean;
  /** The export's address; the leads' by default (targetsExportUrl for targets). */
  exportUrl?: typeof leadsExportUrl;
}

export function ExportButton({ params, columns, disabled, exportUrl = leadsExportUrl }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  // With the IDs, an edited file can be imported back to update the same records.
  const exported = ['id', ...columns.filter((name) => name !== 'id')];
  const link = (format: 'csv' | 'xlsx', label: string) => (
    <a href={exportUrl(format, exported, language, params)} download data-testid={`export-${format}`}>
      {label}
    </a>
  );
  return (
    <Dropdown
      trigger={['click']}
      disabled={disabled}
      menu={{
        items: [
          { key: 'csv', label: link('csv', t('leads.exportCsv')) },
          { key: 'xlsx', label: link('xlsx', t('leads.exportXlsx')) },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="export-open">
        {t('leads.export')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
