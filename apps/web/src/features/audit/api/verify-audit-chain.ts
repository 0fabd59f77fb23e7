import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** Recomputes the whole hash chain on the server: an explicit action, run when asked and never cached. */
export function verifyAuditChain() {
  return unwrap(api.GET('/api/audit/verify'));
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: verifyAuditChain });
}
