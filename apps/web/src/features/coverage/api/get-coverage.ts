import { unwrap, type Schemas } from '@beacon/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { visitsKey } from '../../../lib/visit-queries';

export type WardCoverage = Schemas['WardCoverageDto'];

/** Under the visits key: logging, moving or cancelling any visit refreshes coverage. */
export const coverageKey = (range: { from: string; to: string }) =>
  [...visitsKey, 'coverage', range] as const;

/** Every ward with its scheduled, held, cancelled, missed and upcoming visits in the range (managers). */
export function getCoverage(range: { from: string; to: string }) {
  return unwrap(api.GET('/api/visits/coverage', { params: { query: range } }));
}

export function getCoverageQueryOptions(range: { from: string; to: string }) {
  return queryOptions({ queryKey: coverageKey(range), queryFn: () => getCoverage(range) });
}

export function useCoverage(range: { from: string; to: string }, { enabled = true } = {}) {
  return useQuery({ ...getCoverageQueryOptions(range), placeholderData: keepPreviousData, enabled });
}
