import { NOT_RECORDED, SIGNPOST_ELSEWHERE } from '@beacon/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { ageBandSql } from '../clients/demographics-sql';
import { badRequest } from '../common/app.exception';
import { DECLINE_REASON_SQL } from '../reports/report-queries';
import { londonDayEndSql, londonDayStartSql, receivedDaySql } from '../reports/period-sql';
import type { ReferralsQuery } from './dto/referral.dto';
import type { ReferralEntity } from './entities/referral.entity';

/**
 * The list filters a report drills down with. Each is the report's own definition (the same SQL
 * where there is any), so a bar's count and the list it opens always agree. `r` is the
 * referral and `c` its client; every filter is a condition on the row, so keyset pagination on
 * (received_at, id) is unchanged.
 */
export function applyReportFilters(qb: SelectQueryBuilder<ReferralEntity>, query: ReferralsQuery): void {
  if (query.receivedFrom && query.receivedTo && query.receivedTo < query.receivedFrom) {
    throw badRequest([{ field: 'receivedTo', message: 'must be on or after receivedFrom' }]);
  }
  if (query.receivedFrom)
    qb.andWhere(`r.receivedAt >= ${londonDayStartSql(':receivedFrom')}`, {
      receivedFrom: query.receivedFrom,
    });
  if (query.receivedTo)
    qb.andWhere(`r.receivedAt < ${londonDayEndSql(':receivedTo')}`, { receivedTo: query.receivedTo });
  if (query.source) qb.andWhere('r.source = :source', { source: query.source });
  if (query.outcome) qb.andWhere('r.outcome = :outcome', { outcome: query.outcome });
  if (query.issue) qb.andWhere(':issue = ANY (r.issues)', { issue: query.issue });
  if (query.declineReason)
    qb.andWhere(`${DECLINE_REASON_SQL} = :declineReason`, { declineReason: query.declineReason });
  if (query.ageBand) {
    qb.andWhere(`${ageBandSql('c.date_of_birth', receivedDaySql('r'), 'c.age_band')} = :ageBand`, {
      ageBand: query.ageBand,
    });
  }
  for (const field of ['gender', 'ethnicity', 'disability'] as const) {
    const value = query[field];
    if (value === NOT_RECORDED) qb.andWhere(`c.${field} IS NULL`);
    else if (value) qb.andWhere(`c.${field} = :${field}`, { [field]: value });
  }
  if (query.signpost === SIGNPOST_ELSEWHERE) {
    qb.andWhere(
      'EXISTS (SELECT 1 FROM referral_signposts s WHERE s.referral_id = r.id AND s.service_id IS NULL)',
    );
  } else if (query.signpost) {
    qb.andWhere(
      'EXISTS (SELECT 1 FROM referral_signposts s WHERE s.referral_id = r.id AND s.service_id = :signpost)',
      {
        signpost: query.signpost,
      },
    );
  }
}
