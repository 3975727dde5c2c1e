// i18next set-up: Vietnamese by default; before sign-in the choice lives in localStorage.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import type { Language } from '../api/types';
import vi from './vi.json';
import en from './en.json';

const storageKey = 'sen.language';

dayjs.extend(relativeTime);

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

function storedLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  return isLanguage(stored) ? stored : 'vi';
}

/** The interface language now in force; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.language) ? instance.language : 'vi';
}

/** Switches the interface (texts, dates) and remembers the choice in this browser. */
export function applyLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  dayjs.locale(language);
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

const initial = storedLanguage();
dayjs.locale(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export default i18n;
