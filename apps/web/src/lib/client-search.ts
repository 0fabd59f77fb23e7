import { unwrap, type Schemas } from '@beacon/api-client';
import { LOCAL_AUTHORITY_LABELS } from '@beacon/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { reasonHeaders } from './access-reason';
import { api } from './api';
import { formatDate } from './format';

export type ClientRecord = Schemas['ClientDto'];

const RESULTS = 20;

/**
 * People on record by name, referral reference or NHS number, with the reason for looking when
 * one is needed (an admin's search is case content, audited with the reason).
 */
export function searchClientsWithReason(q: string, reason: string | null) {
  return unwrap(
    api.GET('/api/clients', {
      params: { query: { q, limit: RESULTS } },
      headers: reasonHeaders(reason),
    }),
  );
}

export function useClientSearchWithReason(q: string, reason: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['clients', 'search-with-reason', q, reason],
    queryFn: () => searchClientsWithReason(q, reason),
    enabled: enabled && q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** A line that tells two people of the same name apart: "born 2 Dec 1990 · Leicester · NHS 943 476 5919". */
export function describeClient(
  client: Pick<ClientRecord, 'dateOfBirth' | 'localAuthority'> & { nhsNumber?: string | null },
): string {
  return [
    client.dateOfBirth ? `born ${formatDate(client.dateOfBirth)}` : 'date of birth not recorded',
    LOCAL_AUTHORITY_LABELS[client.localAuthority] ?? client.localAuthority,
    client.nhsNumber ? `NHS ${client.nhsNumber}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
