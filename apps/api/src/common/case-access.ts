import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CurrentUser } from './request-context';

/**
 * Ownership of case records, applied in the queries themselves so rows a user may not see are
 * never loaded: managers and admins see every case (admins' reads are audited like everyone's);
 * an advocate sees a referral allocated to them or created by them, and a client they created or
 * who has such a referral. Anything else answers 404, never 403.
 */
export function seesAllCases(user: CurrentUser): boolean {
  return user.roles.includes('MANAGER') || user.roles.includes('ADMIN');
}

export function restrictReferrals<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  user: CurrentUser,
) {
  if (seesAllCases(user)) return qb;
  return qb.andWhere(`(${alias}.allocatedAdvocateId = :caseUser OR ${alias}.createdBy = :caseUser)`, {
    caseUser: user.id,
  });
}

export function restrictClients<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  user: CurrentUser,
) {
  if (seesAllCases(user)) return qb;
  return qb.andWhere(
    `(${alias}.createdBy = :caseUser OR EXISTS (SELECT 1 FROM referrals own WHERE own.client_id = ${alias}.id AND (own.allocated_advocate_id = :caseUser OR own.created_by = :caseUser)))`,
    { caseUser: user.id },
  );
}
