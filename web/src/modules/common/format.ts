// How dates and times are shown: in the browser's time zone, Vietnamese day-first order.
import dayjs from 'dayjs';

export const dateFormat = 'DD/MM/YYYY';
export const dateTimeFormat = 'DD/MM/YYYY HH:mm';

export const formatDate = (value: string) => dayjs(value).format(dateFormat);

export const formatDateTime = (value: string) => dayjs(value).format(dateTimeFormat);

/** A count with the language's digit grouping: 10.000 in Vietnamese, 10,000 in English. */
export const formatCount = (value: number, language: string) =>
  new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN').format(value);

/** An amount of VND, grouped as a count is: 12.000.000 ₫ (12,000,000 ₫ in English). */
export const formatMoney = (value: number, language: string) => `${formatCount(value, language)}\u00a0₫`;

/** A call's length as m:ss (or h:mm:ss). */
export function formatDuration(seconds: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
}
