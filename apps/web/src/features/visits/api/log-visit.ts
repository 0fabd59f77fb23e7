import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { LogVisitBody } from '../utils/visit-forms';
import { useVisitCache } from './visit-cache';

/** Held (who was seen, new referrals, time) or cancelled (why); a logged visit may be logged again to correct it. */
export function logVisit(id: string, body: LogVisitBody) {
  return unwrap(api.POST('/api/visits/{id}/log', { params: { path: { id } }, body }));
}

export function useLogVisit(id: string, visitKey: readonly unknown[]) {
  return useMutation({ mutationFn: (body: LogVisitBody) => logVisit(id, body), ...useVisitCache(visitKey) });
}
