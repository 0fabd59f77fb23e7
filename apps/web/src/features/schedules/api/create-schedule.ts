import { unwrap, type Schemas } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useScheduleCache } from './schedule-cache';

export type CreateScheduleBody = Schemas['CreateScheduleInput'];

/** A weekly visit to a ward by an advocate (managers). */
export function createSchedule(body: CreateScheduleBody) {
  return unwrap(api.POST('/api/visit-schedules', { body }));
}

export function useCreateSchedule() {
  return useMutation({ mutationFn: createSchedule, ...useScheduleCache() });
}
