// Counts inside sentences are grouped as the language writes them (1.440 in Vietnamese, 1,440 in
// English), like the counts the pages format themselves (formatCount).
import i18next from 'i18next';
import { expect, test } from 'vitest';
import en from './en.json';
import vi from './vi.json';

const translate = async (language: 'vi' | 'en') => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return instance.t;
};

test('a count in a sentence is grouped in the language of the interface', async () => {
  const tVi = await translate('vi');
  const tEn = await translate('en');
  expect(tVi('live.leadsAssigned', { count: 1440 })).toBe('Bạn vừa được giao 1.440 lead');
  expect(tEn('live.leadsAssigned', { count: 1440 })).toBe('1,440 leads were assigned to you');
  expect(tVi('jobs.everyMinutes', { count: 1440 })).toBe('1.440 phút');
  expect(tEn('jobs.everyMinutes', { count: 1440 })).toBe('every 1,440 min');
});

test('every count a translation names is formatted as a number', () => {
  const plain = (table: unknown): string[] =>
    typeof table === 'string'
      ? table.includes('{{count}}')
        ? [table]
        : []
      : Object.values(table as Record<string, unknown>).flatMap(plain);
  expect(plain(vi)).toEqual([]);
  expect(plain(en)).toEqual([]);
});
