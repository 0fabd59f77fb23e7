import { changedFields, summariseConflict } from '../../../lib/conflicts';
import type { Referral } from '../api/get-referral';
import { NOTE_CONFLICT, REFERRAL_CONFLICT, referralActionBlocked } from './conflict';

const priya = { id: 'm1', displayName: 'Priya Shah' };
const sam = { id: 'a1', displayName: 'Sam Taylor' };
const jordan = { id: 'a2', displayName: 'Jordan Reid' };

const received = {
  id: 'e1',
  action: 'RECEIVED',
  fromStatus: null,
  toStatus: 'RECEIVED',
  actor: priya,
  at: '2026-03-02T09:00:00Z',
  reason: null,
  advocate: null,
} as const;

/** Only what the conflict spec reads of a referral. */
function referral(change: Partial<Referral>): Referral {
  return {
    version: 2,
    status: 'AWAITING_ALLOCATION',
    priority: 'ROUTINE',
    allocatedAdvocateId: null,
    allocatedAdvocate: null,
    firstContactAt: null,
    signposting: [],
    declineReason: null,
    outcome: null,
    closureReason: null,
    history: [received],
    nextActions: ['ALLOCATE', 'TRIAGE_DECLINE'],
    ...change,
  } as Referral;
}

describe('a referral changed by someone else', () => {
  const before = referral({});
  const allocated = referral({
    version: 3,
    status: 'ALLOCATED',
    priority: 'URGENT',
    allocatedAdvocateId: sam.id,
    allocatedAdvocate: sam,
    history: [
      received,
      {
        id: 'e2',
        action: 'ALLOCATE',
        fromStatus: 'AWAITING_ALLOCATION',
        toStatus: 'ALLOCATED',
        actor: priya,
        at: '2026-03-02T10:15:00Z',
        reason: null,
        advocate: sam,
      },
    ],
    nextActions: ['ALLOCATE', 'RECORD_FIRST_CONTACT', 'CLOSE'],
  });

  it('shows the status, advocate and priority that changed, and who allocated when', () => {
    expect(changedFields(before, allocated, REFERRAL_CONFLICT.fields)).toEqual([
      { label: 'Status', before: 'Awaiting allocation', after: 'Allocated' },
      { label: 'Allocated advocate', before: 'Not allocated', after: 'Sam Taylor' },
      { label: 'Priority', before: 'Routine', after: 'Urgent' },
    ]);
    expect(summariseConflict(REFERRAL_CONFLICT, before, allocated).events).toEqual([
      { what: 'Allocated to Sam Taylor', by: 'Priya Shah', at: '2026-03-02T10:15:00Z' },
    ]);
  });

  it('still lets a different allocation be applied, but not one already in place', () => {
    expect(referralActionBlocked('ALLOCATE', allocated, jordan.id)).toBeNull();
    expect(referralActionBlocked('ALLOCATE', allocated, sam.id)).toBe(
      'Sam Taylor is allocated now: your change is already in place.',
    );
  });

  it('says when the action no longer applies to the referral as it is now', () => {
    expect(referralActionBlocked('TRIAGE_DECLINE', allocated)).toBe(
      'It can no longer be declined: the referral is now allocated.',
    );
    expect(referralActionBlocked('CLOSE', allocated)).toBeNull();
  });
});

describe('a note amended by someone else', () => {
  const version = (n: number, body: string, reason: string | null) => ({
    version: n,
    body,
    reason,
    createdBy: n === 1 ? sam : priya,
    createdAt: `2026-03-0${n}T12:00:00Z`,
  });
  const note = (versions: ReturnType<typeof version>[]) => {
    const latest = versions[versions.length - 1]!;
    return {
      id: 'n1',
      referralId: 'r1',
      kind: 'CONTACT' as const,
      minutesSpent: null,
      body: latest.body,
      version: latest.version,
      createdBy: sam,
      createdAt: versions[0]!.createdAt,
      versions,
    };
  };

  it('shows the newer text and each version saved in between', () => {
    const before = note([version(1, 'Met Ann.', null)]);
    const after = note([
      version(1, 'Met Ann.', null),
      version(2, 'Met Ann on Ashby Ward.', 'Added the ward'),
    ]);
    const summary = summariseConflict(NOTE_CONFLICT, before, after);
    expect(summary.changes).toEqual([{ label: 'Note', before: 'Met Ann.', after: 'Met Ann on Ashby Ward.' }]);
    expect(summary.events).toEqual([
      { what: 'Version 2 saved (reason: Added the ward)', by: 'Priya Shah', at: '2026-03-02T12:00:00Z' },
    ]);
  });
});
