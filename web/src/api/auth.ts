// Sign-in, session and the signed-in user's own settings.
import { request } from './client';
import type { Language, Session, User } from './types';

export const login = (username: string, password: string) =>
  request<Session>('POST', '/api/auth/login', { username, password });

export const fetchSession = () => request<Session>('GET', '/api/auth/me');

export const logout = () => request<void>('POST', '/api/auth/logout');

export const updateMyLanguage = (language: Language) => request<{ user: User }>('PATCH', '/api/auth/me', { language });
