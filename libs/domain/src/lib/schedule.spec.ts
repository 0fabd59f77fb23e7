import {
  isWallTime,
  londonInstant,
  londonOffsetMinutes,
  londonWallTime,
  occurrenceDates,
  visitInterval,
} from './schedule';

describe('occurrenceDates', () => {
  const tuesdays = { weekday: 'TUESDAY' as const, startsOn: '2026-01-06', endsOn: null };

  it('lists every matching weekday in the range, both ends included', () => {
    expect(occurrenceDates(tuesdays, '2026-01-01', '2026-01-31')).toEqual([
      '2026-01-06',
      '2026-01-13',
      '2026-01-20',
      '2026-01-27',
    ]);
    expect(occurrenceDates(tuesdays, '2026-01-13', '2026-01-13')).toEqual(['2026-01-13']);
  });

  it('starts no earlier than the schedule and stops at its end date (inclusive)', () => {
    expect(occurrenceDates(tuesdays, '2025-12-01', '2026-01-10')).toEqual(['2026-01-06']);
    expect(occurrenceDates({ ...tuesdays, endsOn: '2026-01-20' }, '2026-01-01', '2026-02-28')).toEqual([
      '2026-01-06',
      '2026-01-13',
      '2026-01-20',
    ]);
    expect(occurrenceDates({ ...tuesdays, endsOn: '2026-01-19' }, '2026-01-14', '2026-02-28')).toEqual([]);
  });

  it('handles every weekday and a range that starts on the day itself', () => {
    const sundays = { weekday: 'SUNDAY' as const, startsOn: '2026-01-01', endsOn: null };
    expect(occurrenceDates(sundays, '2026-03-01', '2026-03-15')).toEqual([
      '2026-03-01',
      '2026-03-08',
      '2026-03-15',
    ]);
    const mondays = { weekday: 'MONDAY' as const, startsOn: '2026-01-01', endsOn: null };
    expect(occurrenceDates(mondays, '2026-03-01', '2026-03-15')).toEqual(['2026-03-02', '2026-03-09']);
  });

  it('crosses month, year and leap-day boundaries', () => {
    const thursdays = { weekday: 'THURSDAY' as const, startsOn: '2027-12-01', endsOn: null };
    expect(occurrenceDates(thursdays, '2027-12-25', '2028-01-10')).toEqual(['2027-12-30', '2028-01-06']);
    const tue = { weekday: 'TUESDAY' as const, startsOn: '2028-01-01', endsOn: null };
    expect(occurrenceDates(tue, '2028-02-27', '2028-03-08')).toEqual(['2028-02-29', '2028-03-07']);
  });

  it('refuses malformed dates and very long ranges', () => {
    expect(() => occurrenceDates(tuesdays, '2026-1-1', '2026-02-01')).toThrow(RangeError);
    expect(() => occurrenceDates(tuesdays, '2026-01-01', '2028-01-01')).toThrow(/too long/);
  });
});

describe('England’s clocks', () => {
  it('knows the offset in winter and summer', () => {
    expect(londonOffsetMinutes(Date.UTC(2026, 0, 15, 12))).toBe(0);
    expect(londonOffsetMinutes(Date.UTC(2026, 6, 15, 12))).toBe(60);
  });

  it('keeps a weekly 10:00 visit at 10:00 across the March clock change (the UTC instant moves)', () => {
    const schedule = { weekday: 'SUNDAY' as const, startsOn: '2026-03-01', endsOn: null };
    const [before, changeDay, after] = occurrenceDates(schedule, '2026-03-22', '2026-04-05');
    expect([before, changeDay, after]).toEqual(['2026-03-22', '2026-03-29', '2026-04-05']);
    expect(londonInstant(before, '10:00').toISOString()).toBe('2026-03-22T10:00:00.000Z');
    expect(londonInstant(changeDay, '10:00').toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(londonInstant(after, '10:00').toISOString()).toBe('2026-04-05T09:00:00.000Z');
  });

  it('keeps it at 10:00 across the October clock change too', () => {
    expect(londonInstant('2026-10-24', '10:00').toISOString()).toBe('2026-10-24T09:00:00.000Z');
    expect(londonInstant('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T10:00:00.000Z');
    expect(londonInstant('2026-10-31', '10:00').toISOString()).toBe('2026-10-31T10:00:00.000Z');
  });

  it('reads a time skipped in March as an hour later, and a time shown twice in October as the first', () => {
    expect(londonInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonWallTime(londonInstant('2026-03-29', '01:30'))).toBe('2026-03-29 02:30');
    expect(londonInstant('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonWallTime(londonInstant('2026-10-25', '01:30'))).toBe('2026-10-25 01:30');
  });

  it('gives the length of a visit in real time, even when the clocks change during it', () => {
    const { start, end } = visitInterval('2026-10-25', '00:30', 120);
    expect(start.toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(end.getTime() - start.getTime()).toBe(120 * 60_000);
    expect(londonWallTime(end)).toBe('2026-10-25 01:30');
  });

  it('accepts only 24-hour HH:mm times', () => {
    expect(['00:00', '09:30', '23:59'].every(isWallTime)).toBe(true);
    expect(['24:00', '9:30', '10:60', '10:00:00', 1000].some(isWallTime)).toBe(false);
  });
});
