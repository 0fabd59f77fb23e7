import {
  defaultEndsOn,
  emptySchedule,
  scheduleState,
  scheduleText,
  toCreateScheduleBody,
  validateSchedule,
} from './schedule-form';

describe('visit schedules', () => {
  const draft = {
    ...emptySchedule('2026-03-02'),
    wardId: 'w1',
    advocateId: 'a1',
    weekday: 'TUESDAY' as const,
    startTime: '10:00',
    durationMinutes: '90',
  };

  it('sends a weekly schedule, with an end only when given', () => {
    expect(toCreateScheduleBody(draft)).toEqual({
      wardId: 'w1',
      advocateId: 'a1',
      weekday: 'TUESDAY',
      startTime: '10:00',
      durationMinutes: 90,
      startsOn: '2026-03-02',
    });
    expect(toCreateScheduleBody({ ...draft, endsOn: '2026-06-30' }).endsOn).toBe('2026-06-30');
  });

  it('names what is missing, and an end before the start', () => {
    expect(validateSchedule(draft)).toEqual([]);
    expect(validateSchedule(emptySchedule('2026-03-02')).map((e) => e.field)).toEqual([
      'wardId',
      'advocateId',
      'weekday',
    ]);
    expect(
      validateSchedule({ ...draft, durationMinutes: '4', endsOn: '2026-03-01' }).map((e) => e.field),
    ).toEqual(['durationMinutes', 'endsOn']);
  });

  it('says when a schedule runs, in UK time, and where it stands', () => {
    expect(scheduleText({ weekday: 'TUESDAY', startTime: '10:00', durationMinutes: 90 })).toBe(
      'Every Tuesday, 10:00–11:30',
    );
    expect(scheduleState({ startsOn: '2026-01-01', endsOn: null }, '2026-03-02')).toBe('active');
    expect(scheduleState({ startsOn: '2026-01-01', endsOn: '2026-03-01' }, '2026-03-02')).toBe('ended');
    expect(scheduleState({ startsOn: '2026-04-01', endsOn: null }, '2026-03-02')).toBe('future');
    expect(defaultEndsOn({ startsOn: '2026-04-01' }, '2026-03-02')).toBe('2026-04-01');
  });
});
