// Scheduled jobs (R6).
import { request } from './client';
import type { Job, JobInput, Page } from './types';

export const listJobs = () => request<Page<Job>>('GET', '/api/jobs');

export const createJob = (job: JobInput) => request<Job>('POST', '/api/jobs', job);

export const updateJob = (id: number, changes: Partial<JobInput>) => request<Job>('PATCH', `/api/jobs/${id}`, changes);

export const deleteJob = (id: number) => request<void>('DELETE', `/api/jobs/${id}`);

export const runJob = (id: number) => request<Job>('POST', `/api/jobs/${id}/run`, {});
