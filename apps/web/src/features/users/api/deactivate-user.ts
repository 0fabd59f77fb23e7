import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useAccountCache } from './account-cache';

/** Deactivating also ends all the person's sessions at once (the API revokes them). */
export function deactivateUser(id: string, version: number) {
  return unwrap(api.POST('/api/users/{id}/deactivate', { params: { path: { id } }, body: { version } }));
}

export function useDeactivateUser(id: string) {
  return useMutation({
    mutationFn: (version: number) => deactivateUser(id, version),
    ...useAccountCache(id),
  });
}
