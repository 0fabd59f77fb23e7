import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { stillWaiting } from '../utils/status';

export type JobsStatus = Schemas['JobsStatusDto'];
export type JobStatus = Schemas['JobStatusDto'];
export type JobRun = Schemas['JobRunDto'];
export type JobName = JobStatus['name'];

export const jobsKey = ['jobs'] as const;

export function getJobs() {
  return unwrap(api.GET('/api/jobs'));
}

/** A run someone just asked for: the page follows it until it has finished. */
export interface Watched {
  job: JobName;
  since: number;
}

/**
 * The Jobs page looks again every 2 seconds while a run waits or runs, or one it asked for has
 * not finished yet (`watch`); the navigation's count (`poll: false`) only when it is shown again.
 */
export function useJobs({
  watch = null,
  poll = true,
  enabled = true,
}: { watch?: Watched | null; poll?: boolean; enabled?: boolean } = {}) {
  return useQuery(
    queryOptions({
      queryKey: jobsKey,
      queryFn: getJobs,
      enabled,
      staleTime: 60_000,
      refetchInterval: (query) => {
        const data = query.state.data;
        const busy = data?.items.some((item) => item.queued + item.active > 0);
        const waiting = watch !== null && stillWaiting(data, watch);
        return poll && (busy || waiting) ? 2000 : false;
      },
    }),
  );
}
