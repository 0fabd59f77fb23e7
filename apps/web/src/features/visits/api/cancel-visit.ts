import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useVisitCache } from './visit-cache';

export type CancelVisitBody = Schemas['CancelVisitInput'];

/** Calls off one planned visit ahead of time, with the reason. */
export function cancelVisit(id: string, body: CancelVisitBody) {
  return unwrap(api.POST('/api/visits/{id}/cancel', { params: { path: { id } }, body }));
}

export function useCancelVisit(id: string, visitKey: readonly unknown[]) {
  return useMutation({
    mutationFn: (body: CancelVisitBody) => cancelVisit(id, body),
    ...useVisitCache(visitKey),
  });
}
