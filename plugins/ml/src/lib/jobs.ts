import { Job } from '@ml-platform/plugin-ml-common';

/** "0 3 * * * (UTC)", "after train" or "manual". */
export function describeTrigger(job: Job, jobs: Job[]): string {
  if (job.schedule) {
    return `${job.schedule} (${job.timezone})`;
  }
  if (job.parentJobId) {
    const parent = jobs.find(j => j.id === job.parentJobId);
    return `after ${parent?.name ?? 'a deleted job'}`;
  }
  return 'manual';
}
