import { daysBetween, londonDate, nextActions, type Role } from '@beacon/domain';
import type { ClientEntity } from '../clients/entities/client.entity';
import type { ReferralSignpostEntity } from '../signposting/entities/referral-signpost.entity';
import type { ReferralDto, ReferralEventDto, ReferralSummaryDto, SignpostDto } from './dto/referral.dto';
import type { ReferralEventEntity } from './entities/referral-event.entity';
import type { ReferralEntity } from './entities/referral.entity';

/** Display names by user id, loaded once per answer (never one query per row). */
export type Names = ReadonlyMap<string, string>;

const person = (names: Names, id: string) => ({ id, displayName: names.get(id) ?? 'Unknown user' });

/** Days from receipt to first contact; while nobody has made contact, to the end (decline, closure) or today. */
export function daysWaiting(r: ReferralEntity, now = new Date()): number {
  const end = r.firstContactAt ?? r.closedAt ?? now;
  return Math.max(0, daysBetween(londonDate(r.receivedAt), londonDate(end)));
}

export function mapReferralSummary(
  r: ReferralEntity & { client: ClientEntity },
  names: Names,
): ReferralSummaryDto {
  return {
    id: r.id,
    reference: r.reference,
    client: {
      id: r.client.id,
      firstName: r.client.firstName,
      lastName: r.client.lastName,
      dateOfBirth: r.client.dateOfBirth,
    },
    serviceType: r.serviceType,
    source: r.source,
    status: r.status,
    priority: r.priority,
    localAuthority: r.localAuthority,
    eligible: r.eligible,
    receivedAt: r.receivedAt.toISOString(),
    dueDate: r.dueDate,
    firstContactAt: r.firstContactAt?.toISOString() ?? null,
    daysWaiting: daysWaiting(r),
    allocatedAdvocateId: r.allocatedAdvocateId,
    allocatedAdvocate: r.allocatedAdvocateId ? person(names, r.allocatedAdvocateId) : null,
    createdBy: person(names, r.createdBy),
    version: r.version,
  };
}

export function mapEvent(e: ReferralEventEntity, names: Names): ReferralEventDto {
  const advocateId = typeof e.details?.['advocateId'] === 'string' ? e.details['advocateId'] : null;
  return {
    id: e.id,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actor: person(names, e.actorId),
    at: e.at.toISOString(),
    reason: e.reason,
    advocate: advocateId ? person(names, advocateId) : null,
  };
}

export function mapSignpost(s: ReferralSignpostEntity): SignpostDto {
  return {
    id: s.id,
    serviceId: s.serviceId,
    name: s.name,
    note: s.note,
    createdAt: s.createdAt.toISOString(),
  };
}

export function mapReferral(
  r: ReferralEntity & { client: ClientEntity },
  names: Names,
  events: ReferralEventEntity[],
  signposts: ReferralSignpostEntity[],
  viewer: { id: string; roles: readonly Role[] },
): ReferralDto {
  return {
    ...mapReferralSummary(r, names),
    clientId: r.clientId,
    facts: r.facts,
    eligibility: { eligible: r.eligible, reasons: r.eligibilityReasons },
    scope: { inScope: r.inScope, outOfScope: r.outOfScope },
    issues: r.issues,
    referrer: r.referrer,
    summary: r.summary,
    imhaInformation: r.imhaInformation,
    authorisationId: r.authorisationId,
    visitId: r.visitId,
    declineReason: r.declineReason,
    outcome: r.outcome,
    closureReason: r.closureReason,
    closedAt: r.closedAt?.toISOString() ?? null,
    signposting: signposts.map(mapSignpost),
    history: events.map((e) => mapEvent(e, names)),
    nextActions: nextActions(r.status, {
      roles: viewer.roles,
      eligible: r.eligible,
      inScopeCount: r.inScope.length,
      isAllocatedAdvocate: r.allocatedAdvocateId === viewer.id,
    }),
  };
}
