import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { accountKey } from './get-sessions';

export type MfaStatus = Schemas['MfaStatusDto'];

export const mfaStatusKey = [...accountKey, 'mfa'] as const;

/** Whether two-step verification is on, whether the role needs it, and recovery codes left. */
export function getMfaStatus() {
  return unwrap(api.GET('/api/auth/mfa'));
}

export function getMfaStatusQueryOptions() {
  return queryOptions({ queryKey: mfaStatusKey, queryFn: getMfaStatus });
}

export function useMfaStatus() {
  return useQuery(getMfaStatusQueryOptions());
}
