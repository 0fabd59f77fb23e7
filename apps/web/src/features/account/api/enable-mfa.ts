import { unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { mfaStatusKey } from './get-mfa-status';
import { sessionsKey } from './get-sessions';

/**
 * Turns two-step verification on with the app's current code; answers the recovery codes, shown
 * this once. The API ends the person's other sessions (this one stays).
 */
export function enableMfa(code: string) {
  return unwrap(api.POST('/api/auth/mfa/enable', { body: { code } }));
}

export function useEnableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableMfa,
    // Marked stale, not refetched: the page showing the recovery codes must not change under them.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mfaStatusKey, refetchType: 'none' }),
        queryClient.invalidateQueries({ queryKey: sessionsKey }),
      ]),
  });
}
