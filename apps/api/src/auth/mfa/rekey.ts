import type { DataSource } from 'typeorm';
import type { AuditService } from '../../audit/audit.service';
import { openWithAny, seal } from './secret-box';

export interface RekeyResult {
  /** Secrets that opened only with an older key and are now sealed with the current one. */
  resealed: number;
  /** Secrets already sealed with the current key. */
  current: number;
  /** Users whose secret opens with none of the keys (left as they are: an admin resets them). */
  unreadable: string[];
}

/**
 * Re-seals every two-step secret (turned on, or pending setup) under `keys[0]`, trying the
 * others to open it: the second half of rotating MFA_ENCRYPTION_KEY (docs/runbook.md). One
 * transaction with the rows locked, so a sign-in or a setup running meanwhile waits rather
 * than writing a secret under the old key afterwards; one audit event with the counts.
 */
export async function rekeyMfaSecrets(
  dataSource: DataSource,
  audit: AuditService,
  keys: readonly Buffer[],
): Promise<RekeyResult> {
  return dataSource.transaction(async (manager) => {
    const rows = (await manager.query(
      `SELECT id, mfa_secret, mfa_pending_secret FROM users
        WHERE mfa_secret IS NOT NULL OR mfa_pending_secret IS NOT NULL ORDER BY id FOR UPDATE`,
    )) as { id: string; mfa_secret: string | null; mfa_pending_secret: string | null }[];
    const result: RekeyResult = { resealed: 0, current: 0, unreadable: [] };
    for (const row of rows) {
      const update: Record<string, string> = {};
      let readable = true;
      for (const column of ['mfa_secret', 'mfa_pending_secret'] as const) {
        const sealed = row[column];
        if (!sealed) continue;
        const opened = openWithAny(keys, sealed, row.id);
        if (!opened) readable = false;
        else if (opened.keyIndex > 0) update[column] = seal(keys[0], opened.plaintext, row.id);
      }
      if (!readable) result.unreadable.push(row.id);
      else if (Object.keys(update).length) {
        const columns = Object.keys(update);
        await manager.query(
          `UPDATE users SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`,
          [row.id, ...columns.map((c) => update[c])],
        );
        result.resealed += 1;
      } else result.current += 1;
    }
    await audit.record(
      manager,
      { actorId: null, ip: null, requestId: null },
      {
        action: 'mfa.rekey',
        entityType: 'user',
        details: { resealed: result.resealed, current: result.current, unreadable: result.unreadable },
      },
    );
    return result;
  });
}
