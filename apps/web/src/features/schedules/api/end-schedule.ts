import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useScheduleCache } from './schedule-cache';

export type EndScheduleBody = Schemas['EndScheduleInput'];

/** Ends a schedule on a day: the planned visits after it go; logged and moved ones stay. */
export function endSchedule(id: string, body: EndScheduleBody) {
  return unwrap(api.POST('/api/visit-schedules/{id}/end', { params: { path: { id } }, body }));
}

export function useEndSchedule() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EndScheduleBody }) => endSchedule(id, body),
    ...useScheduleCache(),
  });
}
