// A page-sized error: no access (403), not found (404) or anything else with a retry button.
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/types';
import { errorText } from './apiErrors';

interface Props {
  error: Error;
  onRetry?: () => void;
  /** Texts naming the thing that could not be shown, e.g. "this lead". */
  forbidden?: string;
  notFound?: string;
  /** The list "Back to list" opens: the leads' unless told. */
  listPath?: string;
}

export function QueryError({ error, onRetry, forbidden, notFound, listPath = '/leads' }: Props) {
  const { t } = useTranslation();
  const back = (
    <Link to={listPath}>
      <Button type="primary">{t('common.backToList')}</Button>
    </Link>
  );
  if (error instanceof ApiError && error.status === 403) {
    return (
      <Result
        status="403"
        title={t('errors.forbiddenTitle')}
        subTitle={forbidden ?? t('errors.forbidden')}
        extra={back}
        data-testid="no-access"
      />
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={notFound ?? t('errors.notFound')}
        extra={back}
        data-testid="not-found"
      />
    );
  }
  return (
    <Result
      status="error"
      title={t('errors.failedTitle')}
      subTitle={errorText(error, t)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      data-testid="load-error"
    />
  );
}
