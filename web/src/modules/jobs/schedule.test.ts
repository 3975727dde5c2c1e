import { expect, test } from 'vitest';
import { jobEnded } from './schedule';

test('a job whose next run falls at or after its end has ended', () => {
  const next_run_at = '2026-12-02T10:00:00Z';
  expect(jobEnded({ ends_at: null, next_run_at })).toBe(false);
  expect(jobEnded({ ends_at: '2026-12-02T10:05:00Z', next_run_at })).toBe(false);
  expect(jobEnded({ ends_at: '2026-12-02T10:00:00Z', next_run_at })).toBe(true);
  expect(jobEnded({ ends_at: '2026-12-01T00:00:00Z', next_run_at })).toBe(true);
});
