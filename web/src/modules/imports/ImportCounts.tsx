// The four numbers of an import, as cards: created, updated (with the rows that matched a lead
// and changed nothing under it), duplicates, errors (I5, I7).
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  error: number;
}

const kinds = ['created', 'updated', 'duplicate', 'error'] as const;
const colors: Partial<Record<keyof Counts, string>> = { duplicate: '#d48806', error: '#cf1322' };

export function ImportCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Row gutter={[16, 16]}>
      {kinds.map((kind) => (
        <Col xs={12} md={6} key={kind}>
          <Card size="small">
            <Statistic
              title={t(`imports.counts.${kind}`)}
              value={counts[kind]}
              groupSeparator={language === 'en' ? ',' : '.'}
              styles={{ content: { color: counts[kind] > 0 ? colors[kind] : undefined } }}
              data-testid={`import-count-${kind}`}
            />
            {kind === 'updated' && counts.unchanged > 0 && (
              <Typography.Text type="secondary" data-testid="import-count-unchanged">
                {t('imports.counts.unchanged', { count: counts.unchanged })}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
