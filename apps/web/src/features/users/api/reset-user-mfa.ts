import { unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { usersKey } from './get-users';

/**
 * Resets an account's two-step verification (a lost phone and lost recovery codes): it is
 * cleared, every session of the account ends, and a role that needs it sets it up again at the
 * next sign-in.
 */
export async function resetUserMfa(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/users/{id}/mfa', { params: { path: { id } } }));
}

export function useResetUserMfa(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetUserMfa(id),
    // The account (its version and two-step state), the lists and its now-ended sessions.
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
