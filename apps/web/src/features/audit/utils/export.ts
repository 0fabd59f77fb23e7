import { fileSlug } from '../../../lib/download';
import type { AuditFilters } from '../api/get-audit-events';

/** The filters of the CSV export: those applied to the list, without paging, empty ones left out. */
export function auditExportQuery(filters: AuditFilters): AuditFilters {
  const query: AuditFilters = {};
  for (const key of ['entityType', 'entityId', 'actorId', 'clientId', 'from', 'to'] as const) {
    const value = filters[key]?.trim();
    if (value) query[key] = value;
  }
  return query;
}

const short = (id: string) => fileSlug(id).slice(0, 8);

/**
 * A name that says what the file holds: `beacon-audit-2026-05-12.csv` for everything up to the
 * day of export, `beacon-audit-person-1a2b3c4d-2026-03-01-to-2026-03-31.csv` for one person over
 * a period. Dates are the London days of the filter form (YYYY-MM-DD); no names, only ids.
 */
export function auditExportFilename(
  values: {
    entityType?: string;
    entityId?: string;
    actorId?: string;
    clientId?: string;
    from?: string;
    to?: string;
  },
  today: string,
): string {
  const tags = [
    values.clientId ? `person-${short(values.clientId)}` : null,
    values.entityType ? fileSlug(values.entityType).slice(0, 30) : null,
    values.entityId ? short(values.entityId) : null,
    values.actorId ? `actor-${short(values.actorId)}` : null,
  ];
  const period = values.from || values.to ? `${values.from || 'start'}-to-${values.to || today}` : today;
  return `${['beacon-audit', ...tags, period].filter(Boolean).join('-')}.csv`;
}
