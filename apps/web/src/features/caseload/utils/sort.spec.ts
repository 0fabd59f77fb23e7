import type { CaseloadReferral } from '../api/get-caseload';
import { sortCaseload } from './sort';

function referral(id: string, change: Partial<CaseloadReferral>): CaseloadReferral {
  return {
    id,
    reference: id,
    client: { id: 'c', firstName: 'A', lastName: 'B', dateOfBirth: null },
    serviceType: 'IMHA',
    source: 'SELF',
    status: 'ALLOCATED',
    priority: 'ROUTINE',
    localAuthority: 'LEICESTER',
    eligible: true,
    receivedAt: '2026-11-01T10:00:00.000Z',
    dueDate: '2026-11-08',
    firstContactAt: null,
    daysWaiting: 3,
    allocatedAdvocateId: 'a',
    allocatedAdvocate: { id: 'a', displayName: 'Sam Taylor' },
    createdBy: { id: 'm', displayName: 'Priya Shah' },
    version: 1,
    ...change,
  };
}

describe('sortCaseload', () => {
  it('puts people awaiting first contact first, soonest due first, then active cases oldest first', () => {
    const sorted = sortCaseload([
      referral('active-new', {
        status: 'ACTIVE',
        firstContactAt: '2026-11-20T10:00:00Z',
        receivedAt: '2026-11-19T10:00:00Z',
      }),
      referral('waiting-later', { dueDate: '2026-11-30' }),
      referral('active-old', {
        status: 'ACTIVE',
        firstContactAt: '2026-11-03T10:00:00Z',
        receivedAt: '2026-10-01T10:00:00Z',
      }),
      referral('waiting-routine', { dueDate: '2026-11-27' }),
      referral('waiting-urgent', { dueDate: '2026-11-27', priority: 'URGENT' }),
    ]);
    expect(sorted.map((r) => r.id)).toEqual([
      'waiting-urgent',
      'waiting-routine',
      'waiting-later',
      'active-old',
      'active-new',
    ]);
  });
});
