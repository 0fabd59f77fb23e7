import { unwrap } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const accountKey = ['account'] as const;
export const sessionsKey = [...accountKey, 'sessions'] as const;

/** Where the signed-in person is signed in (this device marked `current`), newest first. */
export function getSessions() {
  return unwrap(api.GET('/api/auth/sessions'));
}

export function getSessionsQueryOptions() {
  return queryOptions({ queryKey: sessionsKey, queryFn: getSessions });
}

export function useSessions() {
  return useQuery(getSessionsQueryOptions());
}
