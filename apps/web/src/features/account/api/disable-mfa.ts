import { unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, reloadUser } from '../../../lib/api';
import { mfaStatusKey } from './get-mfa-status';

/** Turns two-step verification off after the password (not for managers and admins: 403). */
export async function disableMfa(password: string): Promise<void> {
  await unwrap(api.POST('/api/auth/mfa/disable', { body: { password } }));
}

export function useDisableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableMfa,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mfaStatusKey }),
        reloadUser().catch(() => undefined),
      ]),
  });
}
