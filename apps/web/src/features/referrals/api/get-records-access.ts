import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { caseworkKey } from './casework-cache';

export type RecordsAccess = Schemas['RecordsAccessDto'];

/** An IMHA's accesses to the person's records, oldest first. */
export function getRecordsAccess(referralId: string) {
  return unwrap(api.GET('/api/referrals/{id}/record-access', { params: { path: { id: referralId } } }));
}

export function getRecordsAccessQueryOptions(referralId: string) {
  return queryOptions({
    queryKey: caseworkKey(referralId, 'records-access'),
    queryFn: () => getRecordsAccess(referralId),
  });
}

export function useRecordsAccess(referralId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getRecordsAccessQueryOptions(referralId), enabled });
}
