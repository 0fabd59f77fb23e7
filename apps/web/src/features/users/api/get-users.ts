import { unwrap, type Schemas } from '@beacon/api-client';
import type { Role } from '@beacon/domain';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type User = Schemas['UserDto'];

export interface UserFilters {
  q?: string;
  role?: Role;
  active?: boolean;
}

const PAGE_SIZE = 25;

/** Every users query starts with this key, so one invalidation refreshes lists and details alike. */
export const usersKey = ['users'] as const;

export function getUsers(filters: UserFilters, cursor?: string) {
  return unwrap(api.GET('/api/users', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } }));
}

export function getUsersQueryOptions(filters: UserFilters) {
  return infiniteQueryOptions({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ pageParam }) => getUsers(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useUsers(filters: UserFilters) {
  // While a new filter loads, the previous list stays on screen rather than flashing to a spinner.
  return useInfiniteQuery({ ...getUsersQueryOptions(filters), placeholderData: keepPreviousData });
}
