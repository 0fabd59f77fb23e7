import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CreateRecordsAccessBody } from '../utils/casework';
import { useCaseworkCache } from './casework-cache';

/** Logs an access to the person's records (IMHA referrals only: 422 not-imha otherwise). */
export function createRecordsAccess(referralId: string, body: CreateRecordsAccessBody) {
  return unwrap(
    api.POST('/api/referrals/{id}/record-access', { params: { path: { id: referralId } }, body }),
  );
}

export function useCreateRecordsAccess(referralId: string) {
  return useMutation({
    mutationFn: (body: CreateRecordsAccessBody) => createRecordsAccess(referralId, body),
    ...useCaseworkCache(referralId),
  });
}
