import type { EntityManager } from 'typeorm';

const NO_SESSION = '00000000-0000-0000-0000-000000000000';

/**
 * Ends every live session of `userId` except `keep` (the caller's own, when it should stay signed
 * in): their refresh tokens are revoked, so their access tokens stop on the next request.
 * Answers how many sessions ended. For password changes and resets, factor changes and
 * deactivation alike.
 */
export async function endSessions(
  manager: EntityManager,
  userId: string,
  reason: string,
  keep: string | null = null,
): Promise<number> {
  const [rows] = (await manager.query(
    `UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $3
      WHERE user_id = $1 AND revoked_at IS NULL AND family_id <> $2
      RETURNING family_id`,
    [userId, keep ?? NO_SESSION, reason],
  )) as [{ family_id: string }[], number];
  return new Set(rows.map((row) => row.family_id)).size;
}
