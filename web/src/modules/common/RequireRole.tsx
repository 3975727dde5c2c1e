// A page only some roles may open (e.g. the trash, custom fields); others see "no access".
import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { useCurrentUser } from '../auth/AuthProvider';

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (roles.includes(user.role)) return children;
  return (
    <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} data-testid="no-access" />
  );
}
