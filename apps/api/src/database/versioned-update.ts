import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { staleVersion } from '../common/app.exception';

/**
 * `UPDATE … SET …, version = version + 1 WHERE id = $id AND version = $version`, answering 409
 * (stale version) when no row matched. TypeORM's save() does not enforce @VersionColumn; every
 * versioned write goes through here. `touch` also sets updated_at (for tables that have it).
 */
export async function versionedUpdate<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  version: number,
  set: QueryDeepPartialEntity<T>,
  { touch = true }: { touch?: boolean } = {},
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...set, version: () => 'version + 1', ...(touch ? { updatedAt: () => 'now()' } : {}) })
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (!result.affected) throw staleVersion();
}
