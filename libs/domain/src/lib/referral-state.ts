import type { ReferralStatus, TriageDecision } from './enums';
import type { Role } from './roles';

/**
 * The life of a referral (DOMAIN.md; API.md, Referrals): the one state machine the API
 * enforces and the SPA reads to offer only the buttons that would work.
 *
 *   RECEIVED             TRIAGE_ACCEPT → AWAITING_ALLOCATION, TRIAGE_DECLINE → DECLINED
 *   AWAITING_ALLOCATION  ALLOCATE → ALLOCATED, TRIAGE_DECLINE → DECLINED
 *   ALLOCATED            RECORD_FIRST_CONTACT → ACTIVE, ALLOCATE → ALLOCATED, CLOSE → CLOSED
 *   ACTIVE               ALLOCATE → ACTIVE, CLOSE → CLOSED
 *   DECLINED, CLOSED     final
 *
 * Decisions where DOMAIN.md is silent:
 * - A manager may still decline a referral that is awaiting allocation (e.g. found to be
 *   ineligible or out of scope once more is known, or it was withdrawn before anyone took it
 *   up); it is a triage decision, so it needs a manager and records a reason.
 * - An allocated referral may be closed before first contact (e.g. the person could not be
 *   reached, or no longer wants advocacy): the outcome says why.
 * - Re-allocation keeps the status (ALLOCATED stays ALLOCATED, ACTIVE stays ACTIVE).
 * - DECLINED and CLOSED are final: nothing moves a referral out of them.
 * - A referral that is not eligible, or has no in-scope issue, can only be declined: both
 *   TRIAGE_ACCEPT and the first ALLOCATE (from AWAITING_ALLOCATION) refuse it. Once the work
 *   has started, a change in circumstances ends the case with CLOSE (outcome
 *   NO_LONGER_ELIGIBLE) rather than blocking re-allocation or first contact.
 * - ADMIN alone moves nothing: admins may read any record (audited) but do not do casework.
 *
 * Checks run in this order, and the first failure is the answer: who (FORBIDDEN, 403),
 * whether the move exists from this status (ILLEGAL_TRANSITION, 409), then the domain rules
 * (NOT_ELIGIBLE before NO_IN_SCOPE_ISSUES, 422).
 */

export const REFERRAL_ACTIONS = [
  'TRIAGE_ACCEPT',
  'TRIAGE_DECLINE',
  'ALLOCATE',
  'RECORD_FIRST_CONTACT',
  'CLOSE',
] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

export function isReferralAction(value: unknown): value is ReferralAction {
  return typeof value === 'string' && (REFERRAL_ACTIONS as readonly string[]).includes(value);
}

export const REFERRAL_ACTION_LABELS: Record<ReferralAction, string> = {
  TRIAGE_ACCEPT: 'Accept',
  TRIAGE_DECLINE: 'Decline',
  ALLOCATE: 'Allocate',
  RECORD_FIRST_CONTACT: 'Record first contact',
  CLOSE: 'Close',
};

/** The triage action a decision of `POST /api/referrals/:id/triage` takes. */
export function triageAction(decision: TriageDecision): ReferralAction {
  return decision === 'ACCEPT' ? 'TRIAGE_ACCEPT' : 'TRIAGE_DECLINE';
}

/** Every legal move: status → action → the status it leads to. Absent means illegal. */
export const ALLOWED_TRANSITIONS: Readonly<
  Record<ReferralStatus, Readonly<Partial<Record<ReferralAction, ReferralStatus>>>>
> = {
  RECEIVED: { TRIAGE_ACCEPT: 'AWAITING_ALLOCATION', TRIAGE_DECLINE: 'DECLINED' },
  AWAITING_ALLOCATION: { ALLOCATE: 'ALLOCATED', TRIAGE_DECLINE: 'DECLINED' },
  ALLOCATED: { ALLOCATE: 'ALLOCATED', RECORD_FIRST_CONTACT: 'ACTIVE', CLOSE: 'CLOSED' },
  ACTIVE: { ALLOCATE: 'ACTIVE', CLOSE: 'CLOSED' },
  DECLINED: {},
  CLOSED: {},
};

/** Statuses nothing leaves. */
export const FINAL_STATUSES = ['DECLINED', 'CLOSED'] as const satisfies readonly ReferralStatus[];

export function isFinalStatus(status: ReferralStatus): boolean {
  return (FINAL_STATUSES as readonly ReferralStatus[]).includes(status);
}

/** Who may take each action: managers always; the allocated advocate where marked. */
const ALLOCATED_ADVOCATE_MAY: Record<ReferralAction, boolean> = {
  TRIAGE_ACCEPT: false,
  TRIAGE_DECLINE: false,
  ALLOCATE: false,
  RECORD_FIRST_CONTACT: true,
  CLOSE: true,
};

export interface TransitionContext {
  /** The acting user's roles. */
  roles: readonly Role[];
  /** The referral's current eligibility decision. */
  eligible: boolean;
  /** How many of the referral's issues are in scope. */
  inScopeCount: number;
  /** True when the acting user is the advocate the referral is allocated to. */
  isAllocatedAdvocate?: boolean;
}

export const TRANSITION_ERROR_CODES = [
  'ILLEGAL_TRANSITION',
  'NOT_ELIGIBLE',
  'NO_IN_SCOPE_ISSUES',
  'FORBIDDEN',
] as const;
export type TransitionErrorCode = (typeof TRANSITION_ERROR_CODES)[number];

/** The HTTP status the API answers each refusal with (API.md, Conventions). */
export const TRANSITION_ERROR_HTTP_STATUS: Record<TransitionErrorCode, 403 | 409 | 422> = {
  FORBIDDEN: 403,
  ILLEGAL_TRANSITION: 409,
  NOT_ELIGIBLE: 422,
  NO_IN_SCOPE_ISSUES: 422,
};

export type TransitionResult =
  { ok: true; to: ReferralStatus } | { ok: false; code: TransitionErrorCode; message: string };

function mayAct(action: ReferralAction, context: TransitionContext): boolean {
  if (context.roles.includes('MANAGER')) return true;
  return (
    ALLOCATED_ADVOCATE_MAY[action] &&
    context.roles.includes('ADVOCATE') &&
    context.isAllocatedAdvocate === true
  );
}

const ACTION_PHRASES: Record<ReferralAction, string> = {
  TRIAGE_ACCEPT: 'accept',
  TRIAGE_DECLINE: 'decline',
  ALLOCATE: 'allocate',
  RECORD_FIRST_CONTACT: 'record first contact on',
  CLOSE: 'close',
};

const STATUS_PHRASES: Record<ReferralStatus, string> = {
  RECEIVED: 'received',
  AWAITING_ALLOCATION: 'awaiting allocation',
  DECLINED: 'declined',
  ALLOCATED: 'allocated',
  ACTIVE: 'active',
  CLOSED: 'closed',
};

/** Whether `action` may move a referral in `status`, and where to. */
export function transition(
  status: ReferralStatus,
  action: ReferralAction,
  context: TransitionContext,
): TransitionResult {
  if (!mayAct(action, context)) {
    const who = ALLOCATED_ADVOCATE_MAY[action] ? 'a manager or the allocated advocate' : 'a manager';
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `Only ${who} may ${ACTION_PHRASES[action]} a referral`,
    };
  }
  const to = ALLOWED_TRANSITIONS[status]?.[action];
  if (to === undefined) {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: `Cannot ${ACTION_PHRASES[action]} a referral that is ${STATUS_PHRASES[status] ?? status}`,
    };
  }
  const startsWork =
    action === 'TRIAGE_ACCEPT' || (action === 'ALLOCATE' && status === 'AWAITING_ALLOCATION');
  if (startsWork && !context.eligible) {
    return {
      ok: false,
      code: 'NOT_ELIGIBLE',
      message: 'The referral is not eligible for this service, so it can only be declined',
    };
  }
  if (startsWork && context.inScopeCount <= 0) {
    return {
      ok: false,
      code: 'NO_IN_SCOPE_ISSUES',
      message: 'None of the issues on the referral is one the service covers, so it can only be declined',
    };
  }
  return { ok: true, to };
}

/** The actions that would succeed now, in REFERRAL_ACTIONS order: what the SPA offers. */
export function nextActions(status: ReferralStatus, context: TransitionContext): ReferralAction[] {
  return REFERRAL_ACTIONS.filter((action) => transition(status, action, context).ok);
}

/** Calendar days from receipt to the target date for first contact, by priority. */
export const FIRST_CONTACT_TARGET_DAYS = { URGENT: 2, ROUTINE: 7 } as const;
export const PRIORITIES = ['ROUTINE', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { ROUTINE: 'Routine', URGENT: 'Urgent' };
