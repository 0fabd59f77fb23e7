import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/**
 * A new secret for an authenticator app, with its otpauth:// address for a QR code. It counts only
 * once confirmed with a code (enable-mfa.ts); asking again replaces one not yet confirmed.
 */
export function setupMfa() {
  return unwrap(api.POST('/api/auth/mfa/setup'));
}

export function useSetupMfa() {
  return useMutation({ mutationFn: setupMfa });
}
