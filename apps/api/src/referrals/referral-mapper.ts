import {
  daysBetween,
  londonDate,
  nextActions,
  type ClosureOutcome,
  type EligibilityFacts,
  type Issue,
  type LocalAuthority,
  type Priority,
  type ReferralSource,
  type ReferralStatus,
  type Role,
  type ServiceType,
} from '@beacon/domain';
import type { ReferralDto, ReferralEventDto, ReferralSummaryDto, SignpostDto } from './dto/referral.dto';
import type { ImhaInformation, Referrer } from './entities/referral.entity';

/** A row of referral-queries.ts's summary columns, as pg answers it (timestamps as Dates, dates as text). */
export interface ReferralSummaryRow {
  id: string;
  reference: string;
  client_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  service_type: ServiceType;
  source: ReferralSource;
  status: ReferralStatus;
  priority: Priority;
  local_authority: LocalAuthority;
  eligible: boolean;
  received_at: Date;
  due_date: string | null;
  first_contact_at: Date | null;
  closed_at: Date | null;
  allocated_advocate_id: string | null;
  allocated_advocate_name: string | null;
  created_by: string;
  created_by_name: string | null;
  version: number;
}

/** One history entry as the read query's JSON gives it (timestamps as JSON text). */
interface HistoryJson {
  id: string;
  action: string;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  actorId: string;
  actorName: string | null;
  at: string;
  reason: string | null;
  advocateId: string | null;
  advocateName: string | null;
}

interface SignpostJson {
  id: string;
  serviceId: string | null;
  name: string;
  note: string | null;
  createdAt: string;
}

/** A row of referral-queries.ts's read query: the summary and everything else about the referral. */
export interface ReferralReadRow extends ReferralSummaryRow {
  facts: EligibilityFacts;
  eligibility_reasons: string[];
  in_scope: Issue[];
  out_of_scope: Issue[];
  issues: Issue[];
  referrer: Referrer | null;
  summary: string | null;
  imha_information: ImhaInformation | null;
  authorisation_id: string | null;
  visit_id: string | null;
  decline_reason: string | null;
  outcome: ClosureOutcome | null;
  closure_reason: string | null;
  history: HistoryJson[];
  signposting: SignpostJson[];
}

/** A user named in an answer; a name that cannot be found (never expected) reads "Unknown user". */
const person = (id: string, displayName: string | null) => ({
  id,
  displayName: displayName ?? 'Unknown user',
});

/** A JSON timestamp as the API writes instants (UTC, milliseconds). */
const iso = (json: string) => new Date(json).toISOString();

/** Days from receipt to first contact; while nobody has made contact, to the end (decline, closure) or today. */
export function daysWaiting(
  r: { receivedAt: Date; firstContactAt: Date | null; closedAt: Date | null },
  now = new Date(),
): number {
  const end = r.firstContactAt ?? r.closedAt ?? now;
  return Math.max(0, daysBetween(londonDate(r.receivedAt), londonDate(end)));
}

export function mapReferralSummary(r: ReferralSummaryRow, now = new Date()): ReferralSummaryDto {
  return {
    id: r.id,
    reference: r.reference,
    client: {
      id: r.client_id,
      firstName: r.first_name,
      lastName: r.last_name,
      dateOfBirth: r.date_of_birth,
    },
    serviceType: r.service_type,
    source: r.source,
    status: r.status,
    priority: r.priority,
    localAuthority: r.local_authority,
    eligible: r.eligible,
    receivedAt: r.received_at.toISOString(),
    dueDate: r.due_date,
    firstContactAt: r.first_contact_at?.toISOString() ?? null,
    daysWaiting: daysWaiting(
      { receivedAt: r.received_at, firstContactAt: r.first_contact_at, closedAt: r.closed_at },
      now,
    ),
    allocatedAdvocateId: r.allocated_advocate_id,
    allocatedAdvocate: r.allocated_advocate_id
      ? person(r.allocated_advocate_id, r.allocated_advocate_name)
      : null,
    createdBy: person(r.created_by, r.created_by_name),
    version: r.version,
  };
}

export function mapEvent(e: HistoryJson): ReferralEventDto {
  return {
    id: e.id,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actor: person(e.actorId, e.actorName),
    at: iso(e.at),
    reason: e.reason,
    advocate: e.advocateId ? person(e.advocateId, e.advocateName) : null,
  };
}

export function mapSignpost(s: SignpostJson): SignpostDto {
  return { id: s.id, serviceId: s.serviceId, name: s.name, note: s.note, createdAt: iso(s.createdAt) };
}

export function mapReferral(r: ReferralReadRow, viewer: { id: string; roles: readonly Role[] }): ReferralDto {
  return {
    ...mapReferralSummary(r),
    clientId: r.client_id,
    facts: r.facts,
    eligibility: { eligible: r.eligible, reasons: r.eligibility_reasons },
    scope: { inScope: r.in_scope, outOfScope: r.out_of_scope },
    issues: r.issues,
    referrer: r.referrer,
    summary: r.summary,
    imhaInformation: r.imha_information,
    authorisationId: r.authorisation_id,
    visitId: r.visit_id,
    declineReason: r.decline_reason,
    outcome: r.outcome,
    closureReason: r.closure_reason,
    closedAt: r.closed_at?.toISOString() ?? null,
    signposting: r.signposting.map(mapSignpost),
    history: r.history.map(mapEvent),
    nextActions: nextActions(r.status, {
      roles: viewer.roles,
      eligible: r.eligible,
      inScopeCount: r.in_scope.length,
      isAllocatedAdvocate: r.allocated_advocate_id === viewer.id,
    }),
  };
}
