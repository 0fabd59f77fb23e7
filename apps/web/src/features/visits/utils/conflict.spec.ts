import { changedFields, summariseConflict } from '../../../lib/conflicts';
import type { Visit } from '../../../lib/visits';
import { VISIT_CONFLICT, planChangeBlocked } from './conflict';

const planned: Visit = {
  id: 'v1',
  scheduleId: 's1',
  wardId: 'w1',
  wardName: 'Ashby Ward',
  hospitalName: 'Bradgate Unit',
  advocateId: 'a1',
  advocateName: 'Sam Taylor',
  date: '2026-03-04',
  startTime: '10:00',
  durationMinutes: 60,
  startsAt: '2026-03-04T10:00:00Z',
  endsAt: '2026-03-04T11:00:00Z',
  status: 'PLANNED',
  moved: false,
  plannedDate: null,
  patientsSeen: 0,
  newReferrals: 0,
  minutesSpent: 0,
  note: null,
  cancelReason: null,
  loggedAt: null,
  missed: false,
  version: 1,
};

describe('a visit changed by someone else', () => {
  it('shows how it was logged, and when', () => {
    const held: Visit = {
      ...planned,
      status: 'HELD',
      patientsSeen: 4,
      newReferrals: 1,
      minutesSpent: 75,
      loggedAt: '2026-03-04T12:30:00Z',
      version: 2,
    };
    expect(changedFields(planned, held, VISIT_CONFLICT.fields).map((change) => change.label)).toEqual([
      'Status',
      'Patients seen',
      'New referrals',
      'Time spent',
    ]);
    expect(summariseConflict(VISIT_CONFLICT, planned, held).events).toEqual([
      { what: 'Logged as held', by: null, at: '2026-03-04T12:30:00Z' },
    ]);
    expect(planChangeBlocked(held, 'moved')).toBe('It can no longer be moved ahead: the visit is now held.');
  });

  it('shows a move as a change of when, and still lets a planned visit be cancelled', () => {
    const moved: Visit = {
      ...planned,
      date: '2026-03-05',
      startsAt: '2026-03-05T14:00:00Z',
      endsAt: '2026-03-05T15:00:00Z',
      moved: true,
      plannedDate: '2026-03-04',
      version: 2,
    };
    const [when] = changedFields(planned, moved, VISIT_CONFLICT.fields);
    expect(when?.label).toBe('When');
    expect(when?.before).not.toBe(when?.after);
    expect(planChangeBlocked(moved, 'cancelled')).toBeNull();
  });
});
