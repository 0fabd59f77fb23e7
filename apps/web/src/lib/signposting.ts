import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions } from '@tanstack/react-query';
import { api } from './api';

/**
 * The signposting directory: reference data read by triage (active entries) and managed by admins
 * (every entry). Shared here so both screens use one cache and an admin's change reaches triage.
 */
export type SignpostingService = Schemas['SignpostingServiceDto'];

export const signpostingKey = ['signposting-services'] as const;

export function getSignpostingServices(includeInactive: boolean) {
  return unwrap(api.GET('/api/signposting-services', { params: { query: { includeInactive } } }));
}

export function signpostingServicesQueryOptions(includeInactive = false) {
  return queryOptions({
    queryKey: [...signpostingKey, { includeInactive }],
    queryFn: () => getSignpostingServices(includeInactive),
    staleTime: 5 * 60_000,
  });
}
