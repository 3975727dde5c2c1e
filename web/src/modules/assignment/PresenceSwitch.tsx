// R1: the signed-in user's ON/OFF switch in the header; OFF agents get no new leads.
import { App as AntApp, Switch, Tooltip } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setPresence } from '../../api/assignment';
import { useAuth, useCurrentUser } from '../auth/AuthProvider';
import { askForBrowserNotifications } from '../layout/useLiveEvents';
import { errorText } from '../common/apiErrors';

export function PresenceSwitch() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { updateUser } = useAuth();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const toggle = useMutation({
    mutationFn: (online: boolean) => setPresence(user.id, online),
    onSuccess: (saved) => {
      updateUser(saved);
      void queryClient.invalidateQueries({ queryKey: ['assignment-rules'] });
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  return (
    <Tooltip title={t(user.online ? 'presence.onHint' : 'presence.offHint')}>
      <Switch
        checked={user.online}
        checkedChildren={t('presence.on')}
        unCheckedChildren={t('presence.off')}
        loading={toggle.isPending}
        onChange={(online) => {
          if (online) askForBrowserNotifications();
          toggle.mutate(online);
        }}
        data-testid="presence-switch"
      />
    </Tooltip>
  );
}
