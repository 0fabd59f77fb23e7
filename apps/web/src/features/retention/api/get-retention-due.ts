import { unwrap } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const retentionKey = ['retention', 'due'] as const;

export function getRetentionDue() {
  return unwrap(api.GET('/api/retention/due'));
}

export type RetentionDue = Awaited<ReturnType<typeof getRetentionDue>>['items'][number];

export function useRetentionDue() {
  return useQuery(queryOptions({ queryKey: retentionKey, queryFn: getRetentionDue }));
}
