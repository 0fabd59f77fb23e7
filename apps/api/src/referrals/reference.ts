import type { EntityManager } from 'typeorm';

/** A referral reference as people type it in a search (any case). */
export const REFERENCE_PATTERN = /^REF-\d{4}-\d{6}$/i;

/**
 * The next reference REF-YYYY-NNNNNN for `year`: one counter row per year, incremented
 * atomically (the row stays locked until the transaction ends, so numbers are never shared).
 */
export async function nextReference(manager: EntityManager, year: number): Promise<string> {
  const [row] = (await manager.query(
    `INSERT INTO reference_counters (year, last_value) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_value = reference_counters.last_value + 1
     RETURNING last_value`,
    [year],
  )) as { last_value: number }[];
  return `REF-${year}-${String(row.last_value).padStart(6, '0')}`;
}
