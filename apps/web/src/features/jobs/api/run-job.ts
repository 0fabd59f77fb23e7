import { unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { jobsKey, type JobName } from './get-jobs';

export function runJob(name: JobName) {
  return unwrap(api.POST('/api/jobs/{name}/run', { params: { path: { name } } }));
}

export function useRunJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: JobName) => runJob(name),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobsKey }),
  });
}
