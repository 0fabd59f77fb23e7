import { ProblemError } from '@beacon/api-client';
import { useMutation } from '@tanstack/react-query';
import { reasonHeaders } from '../../../lib/access-reason';
import { api } from '../../../lib/api';
import { parseSubjectAccess, type SubjectAccessExport } from '../utils/subject-access';

export interface SubjectAccessAnswer {
  clientId: string;
  /** The API's JSON exactly as it came, for the download. */
  json: string;
  data: SubjectAccessExport;
}

/**
 * Everything Beacon holds about one person (UK GDPR Article 15), with the reason for the export
 * (a SAR reference, say), which the API keeps in the audit trail. Never cached: it is held by
 * the page that asked for it and goes with it.
 */
export async function exportSubjectAccess(clientId: string, reason: string): Promise<SubjectAccessAnswer> {
  const { data, response } = await api.GET('/api/clients/{id}/export', {
    params: { path: { id: clientId } },
    headers: reasonHeaders(reason),
    parseAs: 'text',
  });
  if (!response.ok || typeof data !== 'string') throw new ProblemError(response.status);
  return { clientId, json: data, data: parseSubjectAccess(JSON.parse(data)) };
}

export function useExportSubjectAccess() {
  return useMutation({
    mutationFn: ({ clientId, reason }: { clientId: string; reason: string }) =>
      exportSubjectAccess(clientId, reason),
  });
}
