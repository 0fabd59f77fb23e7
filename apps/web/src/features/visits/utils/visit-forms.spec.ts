import type { Visit } from '../../../lib/visits';
import {
  heldSummary,
  initialLogDraft,
  toLogBody,
  toMoveBody,
  validateLog,
  validateMove,
  type VisitLogDraft,
} from './visit-forms';

function visit(change: Partial<Visit> = {}): Visit {
  return {
    id: 'v1',
    scheduleId: 's1',
    wardId: 'w1',
    wardName: 'Ashby Ward',
    hospitalName: 'Bradgate Mental Health Unit',
    advocateId: 'a1',
    advocateName: 'Sam Taylor',
    date: '2026-03-03',
    startTime: '10:00',
    durationMinutes: 90,
    startsAt: '2026-03-03T10:00:00.000Z',
    endsAt: '2026-03-03T11:30:00.000Z',
    status: 'PLANNED',
    moved: false,
    plannedDate: '2026-03-03',
    patientsSeen: 0,
    newReferrals: 0,
    minutesSpent: 0,
    note: null,
    cancelReason: null,
    loggedAt: null,
    missed: true,
    version: 1,
    ...change,
  };
}

const held: VisitLogDraft = {
  status: 'HELD',
  patientsSeen: ' 4 ',
  newReferrals: '1',
  minutesSpent: '105',
  note: '  Leaflets restocked. ',
  reason: 'left over from choosing cancelled',
};

describe('logging a visit', () => {
  it('starts a planned visit at its planned length, and a logged one from its log', () => {
    expect(initialLogDraft(visit())).toEqual({
      status: '',
      patientsSeen: '0',
      newReferrals: '0',
      minutesSpent: '90',
      note: '',
      reason: '',
    });
    expect(
      initialLogDraft(
        visit({ status: 'HELD', patientsSeen: 3, newReferrals: 1, minutesSpent: 80, note: 'Ok' }),
      ),
    ).toMatchObject({ status: 'HELD', patientsSeen: '3', newReferrals: '1', minutesSpent: '80', note: 'Ok' });
  });

  it('sends a held visit with its numbers and trimmed note, never a reason', () => {
    expect(toLogBody(held, 4)).toEqual({
      status: 'HELD',
      patientsSeen: 4,
      newReferrals: 1,
      minutesSpent: 105,
      note: 'Leaflets restocked.',
      version: 4,
    });
    expect(toLogBody({ ...held, note: '  ' }, 4)).not.toHaveProperty('note');
  });

  it('sends a cancelled visit with nobody seen and its reason', () => {
    expect(toLogBody({ ...held, status: 'CANCELLED', minutesSpent: '20', note: '' }, 2)).toEqual({
      status: 'CANCELLED',
      patientsSeen: 0,
      newReferrals: 0,
      minutesSpent: 20,
      reason: 'left over from choosing cancelled',
      version: 2,
    });
  });

  it('asks for the outcome, and refuses more new referrals than patients seen', () => {
    expect(validateLog({ ...held, status: '' }, visit(), '2026-03-03').map((e) => e.field)).toEqual([
      'status',
    ]);
    expect(validateLog(held, visit(), '2026-03-03')).toEqual([]);
    expect(validateLog({ ...held, patientsSeen: '0' }, visit(), '2026-03-03')).toEqual([
      { field: 'newReferrals', message: 'must not be more than the patients seen' },
    ]);
    expect(
      validateLog({ ...held, patientsSeen: 'three', minutesSpent: '-5' }, visit(), '2026-03-03').map(
        (e) => e.field,
      ),
    ).toEqual(['minutesSpent', 'patientsSeen']);
  });

  it('holds a visit only on or after its day, and needs a reason to cancel', () => {
    expect(validateLog(held, visit(), '2026-03-02').map((e) => e.field)).toEqual(['status']);
    expect(validateLog({ ...held, status: 'CANCELLED', reason: ' ' }, visit(), '2026-03-02')).toEqual([
      { field: 'reason', message: 'is required when the visit was cancelled' },
    ]);
  });

  it('says what a held visit achieved', () => {
    expect(heldSummary({ patientsSeen: 1, newReferrals: 0 })).toBe('1 patient seen, 0 new referrals');
    expect(heldSummary({ patientsSeen: 5, newReferrals: 1 })).toBe('5 patients seen, 1 new referral');
  });
});

describe('moving a visit', () => {
  it('sends the new day and time, and the length only when it changed', () => {
    const draft = { date: '2026-03-05', startTime: '14:00', durationMinutes: '90' };
    expect(validateMove(draft)).toEqual([]);
    expect(toMoveBody(draft, visit({ version: 3 }))).toEqual({
      date: '2026-03-05',
      startTime: '14:00',
      version: 3,
    });
    expect(toMoveBody({ ...draft, durationMinutes: '60' }, visit())).toMatchObject({ durationMinutes: 60 });
  });

  it('names what is missing or out of range', () => {
    expect(validateMove({ date: '', startTime: '9am', durationMinutes: '1000' }).map((e) => e.field)).toEqual(
      ['date', 'startTime', 'durationMinutes'],
    );
  });
});
