import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type Authorisation = Schemas['AuthorisationDto'];

export const authorisationsKey = (carerClientId: string) => ['authorisations', carerClientId] as const;

/** A carer's authorisations of third parties, newest first, each with its state today. */
export function getAuthorisations(carerClientId: string) {
  return unwrap(api.GET('/api/authorisations', { params: { query: { carerClientId } } }));
}

export function getAuthorisationsQueryOptions(carerClientId: string) {
  return queryOptions({
    queryKey: authorisationsKey(carerClientId),
    queryFn: () => getAuthorisations(carerClientId),
  });
}

export function useAuthorisations(carerClientId: string | null | undefined) {
  return useQuery({ ...getAuthorisationsQueryOptions(carerClientId ?? ''), enabled: !!carerClientId });
}
