import { unwrap, type Schemas } from '@beacon/api-client';
import type { ReportPeriod } from '@beacon/domain';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type ReportSummary = Schemas['ReportSummaryDto'];
export type ReportCount = Schemas['ReportCountDto'];

export const reportsKey = ['reports'] as const;

/** Every figure for one period (each read is audited with the period). */
export function getReportSummary(period: ReportPeriod) {
  return unwrap(api.GET('/api/reports/summary', { params: { query: period } }));
}

export function getReportSummaryQueryOptions(period: ReportPeriod) {
  return queryOptions({
    queryKey: [...reportsKey, 'summary', period],
    queryFn: () => getReportSummary(period),
    // Figures of a period change slowly; moving between pages should not read them again at once.
    staleTime: 60_000,
  });
}

export function useReportSummary(period: ReportPeriod) {
  return useQuery({ ...getReportSummaryQueryOptions(period), placeholderData: keepPreviousData });
}
