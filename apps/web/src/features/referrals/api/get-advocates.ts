import { unwrap, type Schemas } from '@beacon/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type Advocate = Schemas['AdvocateDto'];

export const advocatesKey = ['advocates'] as const;

/** Active advocates with their open caseloads (managers only). */
export function getAdvocates() {
  return unwrap(api.GET('/api/advocates'));
}

export function getAdvocatesQueryOptions() {
  return queryOptions({ queryKey: advocatesKey, queryFn: getAdvocates });
}

export function useAdvocates({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getAdvocatesQueryOptions(), enabled });
}
