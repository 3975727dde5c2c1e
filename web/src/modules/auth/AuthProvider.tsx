// Holds the signed-in session: checks it on start, shows the login page without one,
// and drops it (back to login) when any request answers 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, Button, Result, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchSession, logout } from '../../api/auth';
import { setCsrfToken, setSessionLostHandler } from '../../api/client';
import { ApiError, type Session, type User } from '../../api/types';
import { applyLanguage, isLanguage } from '../../i18n';
import { LoginPage } from './LoginPage';

interface AuthContextValue {
  session: Session | null;
  startSession: (session: Session) => void;
  /** Changes the signed-in user: a saved User, or some of its fields (a live "presence" event). */
  updateUser: (user: Partial<User>) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for pages behind the login. */
export function useCurrentUser(): User {
  const { session } = useAuth();
  if (!session) throw new Error('useCurrentUser without a session');
  return session.user;
}

type Boot = { state: 'loading' } | { state: 'failed'; reason: string } | { state: 'ready' };

export function AuthProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(null);
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });

  const startSession = useCallback((next: Session) => {
    setCsrfToken(next.csrf_token);
    if (isLanguage(next.user.language)) applyLanguage(next.user.language);
    setSession(next);
  }, []);

  const endSession = useCallback(() => {
    setCsrfToken(null);
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  const checkSession = useCallback(() => {
    setBoot({ state: 'loading' });
    fetchSession()
      .then((found) => {
        startSession(found);
        setBoot({ state: 'ready' });
      })
      .catch((error: unknown) => {
        const signedOut = error instanceof ApiError && error.status === 401;
        setBoot(
          signedOut
            ? { state: 'ready' }
            : { state: 'failed', reason: error instanceof Error ? error.message : String(error) },
        );
      });
  }, [startSession]);

  useEffect(checkSession, [checkSession]);

  useEffect(() => {
    setSessionLostHandler(() => {
      endSession();
      void message.warning(t('auth.sessionExpired'));
    });
    return () => setSessionLostHandler(null);
  }, [endSession, message, t]);

  const value = useMemo<AuthContextValue>(
    () => ({
      session,
      startSession,
      updateUser: (user) =>
        setSession((current) => (current ? { ...current, user: { ...current.user, ...user } } : current)),
      signOut: async () => {
        try {
          await logout();
        } finally {
          endSession();
        }
      },
    }),
    [session, startSession, endSession],
  );

  if (boot.state === 'loading') {
    return <Spin size="large" fullscreen />;
  }
  if (boot.state === 'failed') {
    return (
      <Result
        status="error"
        title={t('errors.serverUnreachable')}
        subTitle={boot.reason}
        extra={<Button onClick={checkSession}>{t('common.retry')}</Button>}
      />
    );
  }
  return <AuthContext.Provider value={value}>{session ? children : <LoginPage />}</AuthContext.Provider>;
}
