import { unwrap, type Schemas } from '@beacon/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type Schedule = Schemas['ScheduleDto'];

export interface ScheduleFilters {
  wardId?: string;
  advocateId?: string;
}

export const schedulesKey = ['visit-schedules'] as const;

/** Weekly visit schedules, by hospital and ward, current and ended. */
export function getSchedules(filters: ScheduleFilters) {
  return unwrap(api.GET('/api/visit-schedules', { params: { query: filters } }));
}

export function getSchedulesQueryOptions(filters: ScheduleFilters) {
  return queryOptions({ queryKey: [...schedulesKey, filters], queryFn: () => getSchedules(filters) });
}

export function useSchedules(filters: ScheduleFilters) {
  return useQuery({ ...getSchedulesQueryOptions(filters), placeholderData: keepPreviousData });
}
