import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useAccountCache } from './account-cache';

export function reactivateUser(id: string, version: number) {
  return unwrap(api.POST('/api/users/{id}/reactivate', { params: { path: { id } }, body: { version } }));
}

export function useReactivateUser(id: string) {
  return useMutation({
    mutationFn: (version: number) => reactivateUser(id, version),
    ...useAccountCache(id),
  });
}
