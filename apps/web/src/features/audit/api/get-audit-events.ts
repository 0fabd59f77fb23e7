import { unwrap, type Schemas } from '@beacon/api-client';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type AuditEvent = Schemas['AuditEventDto'];

/** As the API takes them: `from` inclusive and `to` exclusive, both ISO 8601 instants. */
export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** Everything about one person: their record, referrals, notes, meetings, records access, authorisations. */
  clientId?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

export const auditKey = ['audit'] as const;

export function getAuditEvents(filters: AuditFilters, cursor?: string) {
  return unwrap(api.GET('/api/audit', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } }));
}

export function getAuditEventsQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: [...auditKey, 'events', filters],
    queryFn: ({ pageParam }) => getAuditEvents(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({ ...getAuditEventsQueryOptions(filters), placeholderData: keepPreviousData });
}
