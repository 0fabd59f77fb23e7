import { ProblemError } from '@beacon/api-client';
import type { ReportPeriod } from '@beacon/domain';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { saveFile } from '../../../lib/download';

/** The period's figures as CSV, fetched with the access token (the export is audited). */
export async function exportReportCsv(period: ReportPeriod): Promise<Blob> {
  const { data, response } = await api.GET('/api/reports/summary.csv', {
    params: { query: period },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new ProblemError(response.status);
  return data;
}

/** The file name the API gives (the period in it), for the link the browser saves. */
export const reportCsvFilename = (period: ReportPeriod) => `beacon-report-${period.from}-to-${period.to}.csv`;

export function useExportReportCsv() {
  return useMutation({
    mutationFn: async (period: ReportPeriod) => {
      const filename = reportCsvFilename(period);
      saveFile(await exportReportCsv(period), filename);
      return filename;
    },
  });
}
