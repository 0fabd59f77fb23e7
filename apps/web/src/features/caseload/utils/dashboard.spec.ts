import type { CalendarItem } from '../../../lib/calendar';
import type { Visit } from '../../../lib/visits';
import { dashboardVisitRange, nextMeetings, splitVisits } from './dashboard';

function visit(id: string, date: string, change: Partial<Visit> = {}): Visit {
  return {
    id,
    scheduleId: 's',
    wardId: 'w',
    wardName: 'Ashby Ward',
    hospitalName: 'Bradgate Mental Health Unit',
    advocateId: 'a',
    advocateName: 'Sam Taylor',
    date,
    startTime: '10:00',
    durationMinutes: 60,
    startsAt: `${date}T10:00:00.000Z`,
    endsAt: `${date}T11:00:00.000Z`,
    status: 'HELD',
    moved: false,
    plannedDate: date,
    patientsSeen: 2,
    newReferrals: 0,
    minutesSpent: 75,
    note: null,
    cancelReason: null,
    loggedAt: null,
    missed: false,
    version: 2,
    ...change,
  };
}

function meeting(referralId: string, startsAt: string, title = 'Tribunal hearing: Ann Bell'): CalendarItem {
  return {
    type: 'MEETING',
    id: `${referralId}-${startsAt}`,
    title,
    startsAt,
    endsAt: startsAt,
    advocateId: 'a',
    advocateName: 'Sam Taylor',
    status: null,
    referralId,
    reference: 'REF-2026-000001',
    meetingKind: 'TRIBUNAL',
    wardName: null,
    hospitalName: null,
  };
}

describe('the caseload dashboard', () => {
  it('reads eight weeks back and to the Sunday of this week', () => {
    // Wednesday 25 March 2026: the week of the spring clock change still ends on Sunday 29 March.
    expect(dashboardVisitRange('2026-03-25')).toEqual({ from: '2026-01-28', to: '2026-03-29' });
  });

  it('lists missed visits oldest first, and this week Monday to Sunday', () => {
    const visits = [
      visit('this-thu', '2026-03-26', { status: 'PLANNED' }),
      visit('missed-old', '2026-02-03', { status: 'PLANNED', missed: true }),
      visit('held-last-week', '2026-03-17'),
      visit('missed-this-tue', '2026-03-24', { status: 'PLANNED', missed: true }),
    ];
    const { missed, thisWeek } = splitVisits(visits, '2026-03-25');
    expect(missed.map((v) => v.id)).toEqual(['missed-old', 'missed-this-tue']);
    expect(thisWeek.map((v) => v.id)).toEqual(['missed-this-tue', 'this-thu']);
  });

  it('finds each case’s next meeting that has not started, and names its kind', () => {
    const now = new Date('2026-03-25T12:00:00Z');
    const next = nextMeetings(
      [
        meeting('r1', '2026-03-30T13:00:00Z', 'Ward round: Ann Bell'),
        meeting('r1', '2026-03-27T09:00:00Z'),
        meeting('r1', '2026-03-20T09:00:00Z', 'Past: Ann Bell'),
        meeting('r2', '2026-03-25T11:59:00Z'),
      ],
      now,
    );
    expect(next.get('r1')).toEqual({ startsAt: '2026-03-27T09:00:00Z', kind: 'Tribunal hearing' });
    expect(next.has('r2')).toBe(false);
  });
});
