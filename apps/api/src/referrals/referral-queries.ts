import { NOT_RECORDED, SIGNPOST_ELSEWHERE, type Role } from '@beacon/domain';
import { ageBandSql } from '../clients/demographics-sql';
import { nameKey } from '../clients/name-key';
import { referralOwnershipSql, seesAllCases } from '../common/case-access';
import { DECLINE_REASON_SQL } from '../reports/report-queries';
import { londonDayEndSql, londonDayStartSql, receivedDaySql } from '../reports/period-sql';
import { prepared, type PreparedStatement } from '../database/prepared';
import { DEFAULT_PAGE_SIZE, SqlConditions, containsPattern, pageLimitSql } from '../database/sql';
import type { ReferralsQuery } from './dto/referral.dto';
import { REFERENCE_PATTERN } from './reference';

/*
 * The SQL of the two hottest reads, a page of referrals and one referral, written by hand: one
 * statement each, only the columns the answer needs, display names included, rows mapped by
 * referral-mapper.ts. TypeORM's query building and entity hydration were a fifth of the API's
 * CPU on a page of 50 (docs/performance.md). The ownership rule is case-access.ts's, the same
 * text the query builders use. The benchmark's raw baseline sends these very statements.
 */

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/**
 * The columns of a referral's summary (a list row), with the two display names as subqueries:
 * evaluated for the page's rows only, and planned in a third of the time two more joins took
 * (0.2 against 0.55 ms a page; only some shapes of the list are prepared, see ReferralListQuery).
 */
const SUMMARY_COLUMNS = `r.id, r.reference, r.client_id, c.first_name, c.last_name,
       to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
       r.service_type, r.source, r.status, r.priority, r.local_authority, r.eligible, r.received_at,
       to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.first_contact_at, r.closed_at,
       r.allocated_advocate_id,
       (SELECT u.display_name FROM users u WHERE u.id = r.allocated_advocate_id) AS allocated_advocate_name,
       r.created_by, (SELECT u.display_name FROM users u WHERE u.id = r.created_by) AS created_by_name,
       r.version`;

const SUMMARY_FROM = `FROM referrals r JOIN clients c ON c.id = r.client_id`;

/** The filters of `GET /api/referrals` (validated by ReferralsQuery) the SQL applies. */
export type ReferralListFilters = Omit<ReferralsQuery, 'limit' | 'cursor'>;

/** The filters that each lead their own (column, received_at, id) index. */
const INDEX_LED_FILTERS: ReadonlySet<string> = new Set(['status', 'serviceType', 'localAuthority']);

export interface ReferralListQuery extends SqlQuery {
  /**
   * The same statement prepared, when no value can change its best plan (prepared.ts): the
   * viewer sees every case (an advocate's own-case condition is an OR over two columns, as
   * selective as their caseload is small), the page is the default size (the limit is in the
   * text), and there is at most one filter, an equality on a column that leads its own
   * (column, received_at, id) index: one status, a service type or an area. So each connection
   * prepares at most 16 of them (no filter or one of three, a cursor or not, either order).
   * Planning was a third of the list's PostgreSQL CPU (0.65–0.76 ms a statement unprepared,
   * 0.43–0.45 prepared); anything else is still planned for its values, like the triage queue,
   * whose generic plan took 54 ms instead of 1.
   */
  statement: PreparedStatement | null;
}

function planCannotDependOnValues(viewer: Viewer, filters: ReferralListFilters, limit: number): boolean {
  if (!seesAllCases(viewer) || limit !== DEFAULT_PAGE_SIZE) return false;
  const used = Object.entries(filters).filter(
    ([key, value]) => key !== 'order' && value !== undefined && !(Array.isArray(value) && !value.length),
  );
  if (!used.length) return true;
  if (used.length > 1) return false;
  const [key, value] = used[0];
  return INDEX_LED_FILTERS.has(key) && (!Array.isArray(value) || value.length === 1);
}

interface Viewer {
  id: string;
  roles: readonly Role[];
}

/**
 * A page of referrals this viewer may see, newest (or oldest) first, keyset-paginated on
 * (received_at, id): `limit + 1` rows, so the caller can tell whether more remain. Every filter
 * is a condition on the row; the report drill-down ones (receivedFrom … signpost) are the
 * reports' own definitions (report-queries.ts, period-sql.ts), so a bar and its list agree.
 */
export function referralListQuery(
  viewer: Viewer,
  filters: ReferralListFilters,
  limit: number,
  cursor: readonly [receivedAt: string, id: string] | null,
): ReferralListQuery {
  const limitSql = pageLimitSql(limit);
  const w = new SqlConditions();
  const p = (value: unknown) => w.param(value);
  if (filters.status?.length) w.and(`r.status IN (${filters.status.map(p).join(', ')})`);
  if (filters.serviceType) w.and(`r.service_type = ${p(filters.serviceType)}`);
  if (filters.advocateId) w.and(`r.allocated_advocate_id = ${p(filters.advocateId)}`);
  if (filters.createdBy) w.and(`r.created_by = ${p(filters.createdBy)}`);
  if (filters.localAuthority) w.and(`r.local_authority = ${p(filters.localAuthority)}`);
  if (filters.receivedFrom) w.and(`r.received_at >= ${londonDayStartSql(p(filters.receivedFrom))}`);
  if (filters.receivedTo) w.and(`r.received_at < ${londonDayEndSql(p(filters.receivedTo))}`);
  if (filters.source) w.and(`r.source = ${p(filters.source)}`);
  if (filters.outcome) w.and(`r.outcome = ${p(filters.outcome)}`);
  if (filters.issue) w.and(`${p(filters.issue)} = ANY (r.issues)`);
  if (filters.declineReason) w.and(`${DECLINE_REASON_SQL} = ${p(filters.declineReason)}`);
  if (filters.ageBand) {
    w.and(`${ageBandSql('c.date_of_birth', receivedDaySql('r'), 'c.age_band')} = ${p(filters.ageBand)}`);
  }
  for (const field of ['gender', 'ethnicity', 'disability'] as const) {
    const value = filters[field];
    if (value === NOT_RECORDED) w.and(`c.${field} IS NULL`);
    else if (value) w.and(`c.${field} = ${p(value)}`);
  }
  if (filters.signpost === SIGNPOST_ELSEWHERE) {
    w.and('EXISTS (SELECT 1 FROM referral_signposts s WHERE s.referral_id = r.id AND s.service_id IS NULL)');
  } else if (filters.signpost) {
    w.and(
      `EXISTS (SELECT 1 FROM referral_signposts s WHERE s.referral_id = r.id AND s.service_id = ${p(filters.signpost)})`,
    );
  }
  const q = filters.q?.trim();
  if (q && REFERENCE_PATTERN.test(q)) {
    w.and(`r.reference = ${p(q.toUpperCase())}`);
  } else if (q && /^[\d\s]+$/.test(q) && q.replace(/\s/g, '').length === 10) {
    w.and(`c.nhs_number = ${p(q.replace(/\s/g, ''))}`);
  } else if (q) {
    w.and(`c.search_name LIKE ${p(containsPattern(nameKey(q)))}`);
  }
  const direction = filters.order === 'oldest' ? 'ASC' : 'DESC';
  if (cursor) {
    const op = direction === 'ASC' ? '>' : '<';
    w.and(`(r.received_at, r.id) ${op} (${p(new Date(cursor[0]))}, ${p(cursor[1])})`);
  }
  if (!seesAllCases(viewer)) w.and(referralOwnershipSql('r', p(viewer.id)));
  const text = `SELECT ${SUMMARY_COLUMNS}
  ${SUMMARY_FROM}
  ${w.where}
 ORDER BY r.received_at ${direction}, r.id ${direction}
 ${limitSql}`;
  return {
    text,
    values: w.values,
    statement: planCannotDependOnValues(viewer, filters, limit) ? prepared(text) : null,
  };
}

/** A safe uuid from a jsonb text value (NULL unless it is one): a CASE, so the cast never sees other text. */
const jsonUuid = (value: string) =>
  `CASE WHEN ${value} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (${value})::uuid END`;

/** The read, for a viewer who sees every case ($1 the id) or only their own ($2 their id). */
function readStatement(owned: boolean): PreparedStatement {
  return prepared(`SELECT ${SUMMARY_COLUMNS},
       r.facts, r.eligibility_reasons, r.in_scope, r.out_of_scope, r.issues, r.referrer, r.summary,
       r.imha_information, r.authorisation_id, r.visit_id, r.decline_reason, r.outcome, r.closure_reason,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', e.id, 'action', e.action, 'fromStatus', e.from_status, 'toStatus', e.to_status,
                 'actorId', e.actor_id, 'actorName', actor.display_name, 'at', e.at, 'reason', e.reason,
                 'advocateId', e.details ->> 'advocateId', 'advocateName', named.display_name)
               ORDER BY e.at), '[]')
          FROM referral_events e
          LEFT JOIN users actor ON actor.id = e.actor_id
          LEFT JOIN users named ON named.id = ${jsonUuid("e.details ->> 'advocateId'")}
         WHERE e.referral_id = r.id) AS history,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', s.id, 'serviceId', s.service_id, 'name', s.name, 'note', s.note, 'createdAt', s.created_at)
               ORDER BY s.created_at), '[]')
          FROM referral_signposts s
         WHERE s.referral_id = r.id) AS signposting
  ${SUMMARY_FROM}
 WHERE r.id = $1${owned ? ` AND ${referralOwnershipSql('r', '$2')}` : ''}`);
}

const READ_ANY = readStatement(false);
const READ_OWN = readStatement(true);

/**
 * One referral this viewer may see (no row otherwise), whole: its summary, the details, the
 * history with the names of who acted and of the advocate an allocation named, and the
 * signposting, in one prepared statement (the history and signposting as JSON arrays).
 */
export function referralReadQuery(
  viewer: Viewer,
  id: string,
): { statement: PreparedStatement; values: unknown[] } {
  return seesAllCases(viewer)
    ? { statement: READ_ANY, values: [id] }
    : { statement: READ_OWN, values: [id, viewer.id] };
}
