import { unwrap } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { auditKey } from './get-audit-events';

/** The account behind an actor id, to show a name rather than a UUID. Names change rarely. */
export function getActorQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...auditKey, 'actor', id],
    queryFn: () => unwrap(api.GET('/api/users/{id}', { params: { path: { id } } })),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useActor(id: string | null) {
  return useQuery({ ...getActorQueryOptions(id ?? ''), enabled: Boolean(id) });
}
