import { unwrap, type Schemas } from '@beacon/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type Client = Schemas['ClientDto'];

export const clientsKey = ['clients'] as const;

const RESULTS = 20;

/** People on record by name, referral reference or NHS number (the API needs 2 characters at least). */
export function searchClients(q: string) {
  return unwrap(api.GET('/api/clients', { params: { query: { q, limit: RESULTS } } }));
}

export function searchClientsQueryOptions(q: string) {
  return queryOptions({
    queryKey: [...clientsKey, 'search', q],
    queryFn: () => searchClients(q),
    enabled: q.length >= 2,
  });
}

export function useClientSearch(q: string) {
  return useQuery({ ...searchClientsQueryOptions(q), placeholderData: keepPreviousData });
}
