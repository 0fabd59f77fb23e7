import { unwrap } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { usersKey } from './get-users';

export const userSessionsKey = (id: string) => [...usersKey, 'sessions', id] as const;

/** An account's live sessions (admins), newest first. */
export function getUserSessions(id: string) {
  return unwrap(api.GET('/api/users/{id}/sessions', { params: { path: { id } } }));
}

export function getUserSessionsQueryOptions(id: string) {
  return queryOptions({ queryKey: userSessionsKey(id), queryFn: () => getUserSessions(id) });
}

export function useUserSessions(id: string) {
  return useQuery(getUserSessionsQueryOptions(id));
}
