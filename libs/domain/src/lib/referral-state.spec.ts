import { REFERRAL_STATUSES, type ReferralStatus } from './enums';
import {
  ALLOWED_TRANSITIONS,
  FINAL_STATUSES,
  REFERRAL_ACTIONS,
  TRANSITION_ERROR_HTTP_STATUS,
  isFinalStatus,
  isReferralAction,
  nextActions,
  transition,
  triageAction,
  type ReferralAction,
  type TransitionContext,
} from './referral-state';
import type { Role } from './roles';

/** The expected moves, written out independently of ALLOWED_TRANSITIONS. */
const EXPECTED_TO: Record<ReferralStatus, Partial<Record<ReferralAction, ReferralStatus>>> = {
  RECEIVED: { TRIAGE_ACCEPT: 'AWAITING_ALLOCATION', TRIAGE_DECLINE: 'DECLINED' },
  AWAITING_ALLOCATION: { ALLOCATE: 'ALLOCATED', TRIAGE_DECLINE: 'DECLINED' },
  ALLOCATED: { ALLOCATE: 'ALLOCATED', RECORD_FIRST_CONTACT: 'ACTIVE', CLOSE: 'CLOSED' },
  ACTIVE: { ALLOCATE: 'ACTIVE', CLOSE: 'CLOSED' },
  DECLINED: {},
  CLOSED: {},
};

const ROLE_SETS: Role[][] = [
  [],
  ['ADVOCATE'],
  ['MANAGER'],
  ['ADMIN'],
  ['ADVOCATE', 'MANAGER'],
  ['ADVOCATE', 'ADMIN'],
  ['MANAGER', 'ADMIN'],
  ['ADVOCATE', 'MANAGER', 'ADMIN'],
];

const CONTEXTS: TransitionContext[] = ROLE_SETS.flatMap((roles) =>
  [true, false].flatMap((isAllocatedAdvocate) =>
    [true, false].flatMap((eligible) =>
      [1, 0].map((inScopeCount) => ({ roles, isAllocatedAdvocate, eligible, inScopeCount })),
    ),
  ),
);

const MANAGER: TransitionContext = { roles: ['MANAGER'], eligible: true, inScopeCount: 2 };
const ADVOCATE_ALLOCATED: TransitionContext = {
  roles: ['ADVOCATE'],
  eligible: true,
  inScopeCount: 2,
  isAllocatedAdvocate: true,
};

function expectedCode(status: ReferralStatus, action: ReferralAction, context: TransitionContext) {
  const manager = context.roles.includes('MANAGER');
  const allocatedAdvocate = context.roles.includes('ADVOCATE') && context.isAllocatedAdvocate === true;
  const permitted =
    manager || (allocatedAdvocate && (action === 'RECORD_FIRST_CONTACT' || action === 'CLOSE'));
  if (!permitted) return 'FORBIDDEN';
  if (!EXPECTED_TO[status][action]) return 'ILLEGAL_TRANSITION';
  const startsWork =
    action === 'TRIAGE_ACCEPT' || (action === 'ALLOCATE' && status === 'AWAITING_ALLOCATION');
  if (startsWork && !context.eligible) return 'NOT_ELIGIBLE';
  if (startsWork && context.inScopeCount === 0) return 'NO_IN_SCOPE_ISSUES';
  return null;
}

describe('the transition table', () => {
  it('is the one written out here', () => {
    expect(ALLOWED_TRANSITIONS).toEqual(EXPECTED_TO);
  });

  it('has DECLINED and CLOSED as the only final statuses', () => {
    expect([...FINAL_STATUSES]).toEqual(['DECLINED', 'CLOSED']);
    for (const status of REFERRAL_STATUSES) {
      expect(isFinalStatus(status)).toBe(Object.keys(EXPECTED_TO[status]).length === 0);
    }
  });

  it('reaches every status from RECEIVED', () => {
    const seen = new Set<ReferralStatus>(['RECEIVED']);
    const queue: ReferralStatus[] = ['RECEIVED'];
    while (queue.length > 0) {
      for (const to of Object.values(ALLOWED_TRANSITIONS[queue.shift()!])) {
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...REFERRAL_STATUSES].sort());
  });
});

describe.each(
  REFERRAL_STATUSES.flatMap((status) => REFERRAL_ACTIONS.map((action) => [status, action] as const)),
)('transition(%s, %s)', (status, action) => {
  it(`answers every combination of roles, allocation, eligibility and scope (${CONTEXTS.length} contexts)`, () => {
    for (const context of CONTEXTS) {
      const result = transition(status, action, context);
      const code = expectedCode(status, action, context);
      if (code === null) {
        expect({ context, result }).toEqual({
          context,
          result: { ok: true, to: EXPECTED_TO[status][action] },
        });
      } else {
        expect({ context, code: result.ok ? 'ok' : result.code }).toEqual({ context, code });
      }
    }
  });
});

describe('transition: the rules in words', () => {
  it('takes a referral through its whole life', () => {
    expect(transition('RECEIVED', 'TRIAGE_ACCEPT', MANAGER)).toEqual({ ok: true, to: 'AWAITING_ALLOCATION' });
    expect(transition('AWAITING_ALLOCATION', 'ALLOCATE', MANAGER)).toEqual({ ok: true, to: 'ALLOCATED' });
    expect(transition('ALLOCATED', 'RECORD_FIRST_CONTACT', ADVOCATE_ALLOCATED)).toEqual({
      ok: true,
      to: 'ACTIVE',
    });
    expect(transition('ACTIVE', 'ALLOCATE', MANAGER)).toEqual({ ok: true, to: 'ACTIVE' });
    expect(transition('ACTIVE', 'CLOSE', ADVOCATE_ALLOCATED)).toEqual({ ok: true, to: 'CLOSED' });
  });

  it('refuses to accept an ineligible referral, and explains that it can only be declined', () => {
    expect(transition('RECEIVED', 'TRIAGE_ACCEPT', { ...MANAGER, eligible: false })).toEqual({
      ok: false,
      code: 'NOT_ELIGIBLE',
      message: 'The referral is not eligible for this service, so it can only be declined',
    });
    expect(transition('RECEIVED', 'TRIAGE_DECLINE', { ...MANAGER, eligible: false })).toEqual({
      ok: true,
      to: 'DECLINED',
    });
  });

  it('refuses to accept a referral with no in-scope issue', () => {
    expect(transition('RECEIVED', 'TRIAGE_ACCEPT', { ...MANAGER, inScopeCount: 0 })).toEqual({
      ok: false,
      code: 'NO_IN_SCOPE_ISSUES',
      message: 'None of the issues on the referral is one the service covers, so it can only be declined',
    });
  });

  it('names ineligibility first when both rules fail', () => {
    const result = transition('RECEIVED', 'TRIAGE_ACCEPT', { ...MANAGER, eligible: false, inScopeCount: 0 });
    expect(result).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
  });

  it('refuses the first allocation of an ineligible referral but not re-allocation of a case under way', () => {
    const ineligible = { ...MANAGER, eligible: false };
    expect(transition('AWAITING_ALLOCATION', 'ALLOCATE', ineligible)).toMatchObject({ code: 'NOT_ELIGIBLE' });
    expect(transition('ALLOCATED', 'ALLOCATE', ineligible)).toEqual({ ok: true, to: 'ALLOCATED' });
    expect(transition('ACTIVE', 'ALLOCATE', ineligible)).toEqual({ ok: true, to: 'ACTIVE' });
    expect(transition('ACTIVE', 'CLOSE', ineligible)).toEqual({ ok: true, to: 'CLOSED' });
  });

  it('lets a manager decline a referral still awaiting allocation', () => {
    expect(transition('AWAITING_ALLOCATION', 'TRIAGE_DECLINE', MANAGER)).toEqual({
      ok: true,
      to: 'DECLINED',
    });
  });

  it('lets an allocated referral close before first contact', () => {
    expect(transition('ALLOCATED', 'CLOSE', ADVOCATE_ALLOCATED)).toEqual({ ok: true, to: 'CLOSED' });
  });

  it('keeps triage and allocation to managers', () => {
    for (const action of ['TRIAGE_ACCEPT', 'TRIAGE_DECLINE', 'ALLOCATE'] as const) {
      expect(transition('RECEIVED', action, ADVOCATE_ALLOCATED)).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: `Only a manager may ${action === 'TRIAGE_ACCEPT' ? 'accept' : action === 'TRIAGE_DECLINE' ? 'decline' : 'allocate'} a referral`,
      });
    }
  });

  it('lets only the allocated advocate, or a manager, record first contact and close', () => {
    const otherAdvocate = { ...ADVOCATE_ALLOCATED, isAllocatedAdvocate: false };
    expect(transition('ALLOCATED', 'RECORD_FIRST_CONTACT', otherAdvocate)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: 'Only a manager or the allocated advocate may record first contact on a referral',
    });
    expect(
      transition('ACTIVE', 'CLOSE', { ...ADVOCATE_ALLOCATED, isAllocatedAdvocate: undefined }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(transition('ALLOCATED', 'RECORD_FIRST_CONTACT', MANAGER)).toEqual({ ok: true, to: 'ACTIVE' });
    expect(transition('ACTIVE', 'CLOSE', MANAGER)).toEqual({ ok: true, to: 'CLOSED' });
  });

  it('does not let an admin, or an admin marked as allocated, move a referral', () => {
    for (const action of REFERRAL_ACTIONS) {
      expect(transition('ALLOCATED', action, { ...ADVOCATE_ALLOCATED, roles: ['ADMIN'] })).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });

  it('refuses moves that do not exist from a status, naming the status', () => {
    expect(transition('CLOSED', 'CLOSE', MANAGER)).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: 'Cannot close a referral that is closed',
    });
    expect(transition('DECLINED', 'TRIAGE_ACCEPT', MANAGER)).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: 'Cannot accept a referral that is declined',
    });
    expect(transition('RECEIVED', 'ALLOCATE', MANAGER)).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(transition('ACTIVE', 'RECORD_FIRST_CONTACT', ADVOCATE_ALLOCATED)).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
  });

  it('checks who before the state: a forbidden move on a final referral is still forbidden', () => {
    expect(transition('CLOSED', 'ALLOCATE', ADVOCATE_ALLOCATED)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('maps each refusal to its HTTP status', () => {
    expect(TRANSITION_ERROR_HTTP_STATUS).toEqual({
      FORBIDDEN: 403,
      ILLEGAL_TRANSITION: 409,
      NOT_ELIGIBLE: 422,
      NO_IN_SCOPE_ISSUES: 422,
    });
  });
});

describe('nextActions', () => {
  it.each<[ReferralStatus, ReferralAction[]]>([
    ['RECEIVED', ['TRIAGE_ACCEPT', 'TRIAGE_DECLINE']],
    ['AWAITING_ALLOCATION', ['TRIAGE_DECLINE', 'ALLOCATE']],
    ['ALLOCATED', ['ALLOCATE', 'RECORD_FIRST_CONTACT', 'CLOSE']],
    ['ACTIVE', ['ALLOCATE', 'CLOSE']],
    ['DECLINED', []],
    ['CLOSED', []],
  ])('offers a manager, on a %s eligible referral, %j', (status, actions) => {
    expect(nextActions(status, MANAGER)).toEqual(actions);
  });

  it.each<[ReferralStatus, ReferralAction[]]>([
    ['RECEIVED', []],
    ['AWAITING_ALLOCATION', []],
    ['ALLOCATED', ['RECORD_FIRST_CONTACT', 'CLOSE']],
    ['ACTIVE', ['CLOSE']],
    ['DECLINED', []],
    ['CLOSED', []],
  ])('offers the allocated advocate, on a %s referral, %j', (status, actions) => {
    expect(nextActions(status, ADVOCATE_ALLOCATED)).toEqual(actions);
  });

  it('offers only declining for an ineligible or out-of-scope referral before work starts', () => {
    for (const context of [
      { ...MANAGER, eligible: false },
      { ...MANAGER, inScopeCount: 0 },
    ]) {
      expect(nextActions('RECEIVED', context)).toEqual(['TRIAGE_DECLINE']);
      expect(nextActions('AWAITING_ALLOCATION', context)).toEqual(['TRIAGE_DECLINE']);
    }
  });

  it('offers nothing to an admin or an advocate not allocated', () => {
    for (const status of REFERRAL_STATUSES) {
      expect(nextActions(status, { roles: ['ADMIN'], eligible: true, inScopeCount: 1 })).toEqual([]);
      expect(nextActions(status, { ...ADVOCATE_ALLOCATED, isAllocatedAdvocate: false })).toEqual([]);
    }
  });

  it('agrees with transition for every status and context', () => {
    for (const status of REFERRAL_STATUSES) {
      for (const context of CONTEXTS) {
        const expected = REFERRAL_ACTIONS.filter((action) => expectedCode(status, action, context) === null);
        expect(nextActions(status, context)).toEqual(expected);
      }
    }
  });
});

describe('actions', () => {
  it('lists the five actions and recognises only them', () => {
    expect([...REFERRAL_ACTIONS]).toEqual([
      'TRIAGE_ACCEPT',
      'TRIAGE_DECLINE',
      'ALLOCATE',
      'RECORD_FIRST_CONTACT',
      'CLOSE',
    ]);
    expect(isReferralAction('CLOSE')).toBe(true);
    expect(isReferralAction('REOPEN')).toBe(false);
    expect(isReferralAction('toString')).toBe(false);
  });

  it('maps triage decisions to actions', () => {
    expect(triageAction('ACCEPT')).toBe('TRIAGE_ACCEPT');
    expect(triageAction('DECLINE')).toBe('TRIAGE_DECLINE');
  });
});
