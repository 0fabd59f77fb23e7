import { createHash } from 'node:crypto';
import { prepared } from '../database/prepared';

export const GENESIS_HASH = '0'.repeat(64);

/** The content of an audit row that its hash covers. */
export interface AuditContent {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The text a row's hash covers, after its predecessor's hash and a newline. */
export function canonicalContent(content: AuditContent): string {
  return canonicalJson({ ...content, at: content.at.toISOString() });
}

/** SHA-256(prevHash ‖ "\n" ‖ canonical content), hex. The database's audit_append() computes the same. */
export function chainHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalContent(content)).digest('hex');
}

/**
 * Appends an event to the chain in the database (migration AuditAppend: lock, last hash, insert).
 * Parameters: id, at, actor, action, entity type, entity id, ip, request id, details (JSON text)
 * and the canonical content. Prepared: it runs on every read of a case record.
 */
export const AUDIT_APPEND = prepared('SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)');
