import { unwrap, type Schemas } from '@beacon/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type WeeklyTime = Schemas['WeeklyTimeDto'];

export interface TimeQuery {
  from: string;
  to: string;
  advocateId?: string;
}

/** Minutes per advocate per week (Monday): case notes plus held ward visits. Advocates get their own. */
export function getWeeklyTime(query: TimeQuery) {
  return unwrap(api.GET('/api/time/weekly', { params: { query } }));
}

export function getWeeklyTimeQueryOptions(query: TimeQuery) {
  return queryOptions({ queryKey: ['time', 'weekly', query], queryFn: () => getWeeklyTime(query) });
}

export function useWeeklyTime(query: TimeQuery) {
  return useQuery({ ...getWeeklyTimeQueryOptions(query), placeholderData: keepPreviousData });
}
