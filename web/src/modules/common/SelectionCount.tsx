// The count of a list's selected rows and the way to drop them, at the head of its mass-update bar.
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function SelectionCount({ text, onClear }: { text: string; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text data-testid="selected-count">{text}</Typography.Text>
      <Button type="link" onClick={onClear}>
        {t('massUpdate.clearSelection')}
      </Button>
    </>
  );
}
