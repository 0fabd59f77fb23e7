import { unwrap } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { MoveVisitBody } from '../utils/visit-forms';
import { useVisitCache } from './visit-cache';

/** One planned visit to another day or time; its schedule is unchanged. */
export function moveVisit(id: string, body: MoveVisitBody) {
  return unwrap(api.POST('/api/visits/{id}/move', { params: { path: { id } }, body }));
}

export function useMoveVisit(id: string, visitKey: readonly unknown[]) {
  return useMutation({
    mutationFn: (body: MoveVisitBody) => moveVisit(id, body),
    ...useVisitCache(visitKey),
  });
}
