import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions } from '@tanstack/react-query';
import { api } from './api';

/**
 * Active advocates with their open caseloads (managers only): allocation, schedules, the
 * calendar and the time report all choose among them, so they share one cache.
 */
export type Advocate = Schemas['AdvocateDto'];

export const advocatesKey = ['advocates'] as const;

export function getAdvocates() {
  return unwrap(api.GET('/api/advocates'));
}

export function advocatesQueryOptions() {
  return queryOptions({ queryKey: advocatesKey, queryFn: getAdvocates });
}
