import { unwrap, type Schemas } from '@beacon/api-client';
import type { ServiceType } from '@beacon/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { reportsKey } from './get-report-summary';

export type WaitingTarget = Schemas['WaitingTargetDto'];

const targetsKey = [...reportsKey, 'targets'] as const;

export function getWaitingTargetsQueryOptions() {
  return queryOptions({
    queryKey: targetsKey,
    queryFn: () => unwrap(api.GET('/api/reports/targets')),
  });
}

export function useWaitingTargets() {
  return useQuery(getWaitingTargetsQueryOptions());
}

export function updateWaitingTarget(
  serviceType: ServiceType,
  input: { targetDays: number; version: number },
) {
  return unwrap(
    api.PATCH('/api/reports/targets/{serviceType}', { params: { path: { serviceType } }, body: input }),
  );
}

/** Admins change a service's target; every report is read again (its "within target" figures change). */
export function useUpdateWaitingTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: { serviceType: ServiceType; targetDays: number; version: number }[]) => {
      // One after another: each is its own versioned change.
      for (const { serviceType, ...input } of changes) await updateWaitingTarget(serviceType, input);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
}
