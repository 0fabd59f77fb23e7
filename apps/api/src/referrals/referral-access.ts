import type { EntityManager } from 'typeorm';
import { notFound } from '../common/app.exception';
import { restrictReferrals } from '../common/case-access';
import type { CurrentUser } from '../common/request-context';
import { ReferralEntity } from './entities/referral.entity';

/**
 * The referral if this user may reach it (404 otherwise, the same as one that does not exist):
 * casework on a referral (meetings, notes, records access) follows the referral's ownership.
 * With `lock`, the row stays locked until the transaction ends.
 */
export async function findVisibleReferral(
  manager: EntityManager,
  user: CurrentUser,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ReferralEntity> {
  const qb = manager.getRepository(ReferralEntity).createQueryBuilder('r').where('r.id = :id', { id });
  if (options.lock) qb.setLock('pessimistic_write');
  const referral = await restrictReferrals(qb, 'r', user).getOne();
  if (!referral) throw notFound('referral');
  return referral;
}

/** Display names by user id in one query. */
export async function displayNames(
  manager: EntityManager,
  ids: (string | null | undefined)[],
): Promise<ReadonlyMap<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return new Map();
  const rows = (await manager.query('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [
    unique,
  ])) as { id: string; display_name: string }[];
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
