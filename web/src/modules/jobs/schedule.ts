// What a job's schedule means for the page.
import type { Job } from '../../api/types';

/** Past its end: the server runs a job only before `ends_at`, so a next run at or after it never comes. */
export const jobEnded = (job: Pick<Job, 'ends_at' | 'next_run_at'>) =>
  job.ends_at !== null && Date.parse(job.next_run_at) >= Date.parse(job.ends_at);
