import { unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useAccountCache } from './account-cache';
import { userSessionsKey } from './get-user-sessions';

/** Deactivating also ends all the person's sessions at once (the API revokes them). */
export function deactivateUser(id: string, version: number) {
  return unwrap(api.POST('/api/users/{id}/deactivate', { params: { path: { id } }, body: { version } }));
}

export function useDeactivateUser(id: string) {
  const queryClient = useQueryClient();
  const cache = useAccountCache(id);
  return useMutation({
    mutationFn: (version: number) => deactivateUser(id, version),
    onSuccess: async (user) => {
      await cache.onSuccess(user);
      // The sessions list empties; not awaited, so the outcome shows without waiting for it.
      void queryClient.invalidateQueries({ queryKey: userSessionsKey(id) });
    },
    onError: cache.onError,
  });
}
