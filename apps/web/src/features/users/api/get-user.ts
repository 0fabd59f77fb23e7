import { unwrap } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { usersKey } from './get-users';

export function getUser(id: string) {
  return unwrap(api.GET('/api/users/{id}', { params: { path: { id } } }));
}

export const userKey = (id: string) => [...usersKey, 'detail', id] as const;

export function getUserQueryOptions(id: string) {
  return queryOptions({ queryKey: userKey(id), queryFn: () => getUser(id) });
}

export function useUserAccount(id: string) {
  return useQuery(getUserQueryOptions(id));
}
