// VI/EN switch: changes the interface at once and, when signed in, remembers it for the user.
import { App as AntApp, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { updateMyLanguage } from '../../api/auth';
import type { Language } from '../../api/types';
import { applyLanguage, useLanguage } from '../../i18n';
import { useAuth } from '../auth/AuthProvider';
import { errorText } from '../common/apiErrors';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { session, updateUser } = useAuth();
  const language = useLanguage();

  const change = (next: Language) => {
    applyLanguage(next);
    if (!session) return;
    updateMyLanguage(next)
      .then(({ user }) => updateUser(user))
      .catch((error: Error) => void message.error(t('layout.languageNotSaved', { reason: errorText(error, t) })));
  };

  return (
    <Segmented<Language>
      size="small"
      value={language}
      onChange={change}
      options={[
        { value: 'vi', label: 'VI', tooltip: 'Tiếng Việt' },
        { value: 'en', label: 'EN', tooltip: 'English' },
      ]}
      data-testid="language-switch"
    />
  );
}
