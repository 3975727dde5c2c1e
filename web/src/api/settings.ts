// Admin settings: the SMTP server of e-mail reminders (C4).
import { request } from './client';

export interface SmtpSettings {
  host: string;
  port: number;
  security: 'none' | 'starttls' | 'tls';
  username: string;
  from: string;
  from_name: string;
  has_password: boolean;
  // Sealed with another server key (the database moved without its key file): enter it again.
  password_unreadable: boolean;
}

export type SmtpInput = Omit<SmtpSettings, 'has_password' | 'password_unreadable'> & { password?: string };

export const getSmtp = () => request<SmtpSettings>('GET', '/api/settings/smtp');

export const saveSmtp = (settings: SmtpInput) => request<SmtpSettings>('PUT', '/api/settings/smtp', settings);

export const testSmtp = (to: string) => request<void>('POST', '/api/settings/smtp/test', { to });
