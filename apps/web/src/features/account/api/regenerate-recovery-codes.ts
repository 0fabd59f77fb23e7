import { unwrap } from '@beacon/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { mfaStatusKey } from './get-mfa-status';

/** New recovery codes after the password; the old ones stop working. Shown this once. */
export function regenerateRecoveryCodes(password: string) {
  return unwrap(api.POST('/api/auth/mfa/recovery-codes', { body: { password } }));
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: regenerateRecoveryCodes,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mfaStatusKey }),
  });
}
