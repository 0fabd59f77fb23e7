import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { usersKey } from './get-users';

/** A temporary password, shown to the admin this once, and until when it signs in. */
export type TemporaryPassword = Schemas['TemporaryPasswordDto'];

/**
 * Resets a forgotten password: the API makes a temporary one (answered this once), ends every
 * session of the account, and the person must choose their own when they sign in with it.
 */
export function resetUserPassword(id: string): Promise<TemporaryPassword> {
  return unwrap(api.POST('/api/users/{id}/reset-password', { params: { path: { id } } }));
}

export function useResetUserPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetUserPassword(id),
    // The password is kept by the page that shows it, not in the cache for a while after.
    gcTime: 0,
    // The account (until when its temporary password works), the lists and its ended sessions.
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
