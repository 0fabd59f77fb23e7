import { ProblemError } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { saveFile } from '../../../lib/download';
import type { AuditFilters } from './get-audit-events';

/** The filtered audit trail as CSV (oldest first; the export is itself audited), fetched with the access token. */
export async function exportAuditCsv(filters: AuditFilters): Promise<Blob> {
  const { data, response } = await api.GET('/api/audit/export.csv', {
    params: { query: filters },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new ProblemError(response.status);
  return data;
}

export function useExportAuditCsv() {
  return useMutation({
    mutationFn: async ({ filters, filename }: { filters: AuditFilters; filename: string }) => {
      saveFile(await exportAuditCsv(filters), filename);
      return filename;
    },
  });
}
