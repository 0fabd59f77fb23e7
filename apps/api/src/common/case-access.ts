import type { Role } from '@beacon/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CurrentUser } from './request-context';

/**
 * Ownership of case records, applied in the queries themselves so rows a user may not see are
 * never loaded: managers and admins see every case (admins' reads are audited like everyone's);
 * an advocate sees a referral allocated to them or created by them, and a client they created or
 * who has such a referral. Anything else answers 404, never 403.
 */
export function seesAllCases(user: { roles: readonly Role[] }): boolean {
  return user.roles.includes('MANAGER') || user.roles.includes('ADMIN');
}

/** An advocate's referrals as SQL: `alias` a referral, `userParam` the placeholder of their id. */
export const referralOwnershipSql = (alias: string, userParam: string) =>
  `(${alias}.allocated_advocate_id = ${userParam} OR ${alias}.created_by = ${userParam})`;

/** An advocate's clients as SQL: ones they created, or with a referral of theirs. */
export const clientOwnershipSql = (alias: string, userParam: string) =>
  `(${alias}.created_by = ${userParam} OR EXISTS (SELECT 1 FROM referrals own WHERE own.client_id = ${alias}.id AND ${referralOwnershipSql('own', userParam)}))`;

export function restrictReferrals<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  user: CurrentUser,
) {
  if (seesAllCases(user)) return qb;
  return qb.andWhere(referralOwnershipSql(alias, ':caseUser'), { caseUser: user.id });
}

export function restrictClients<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  user: CurrentUser,
) {
  if (seesAllCases(user)) return qb;
  return qb.andWhere(clientOwnershipSql(alias, ':caseUser'), { caseUser: user.id });
}
