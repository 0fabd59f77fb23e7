import {
  formatDate,
  formatLongDay,
  formatLongDate,
  formatMinutes,
  formatShortDay,
  formatTime,
  formatTimeRange,
  londonDateTimeInput,
  londonDateTimeToIso,
} from './format';

describe('London wall-clock times', () => {
  it('reads an input value as UK time in winter (GMT) and in summer (BST)', () => {
    expect(londonDateTimeToIso('2026-11-25T09:30')).toBe('2026-11-25T09:30:00.000Z');
    expect(londonDateTimeToIso('2026-07-01T09:30')).toBe('2026-07-01T08:30:00.000Z');
    expect(londonDateTimeToIso('not a time')).toBeUndefined();
  });

  it('takes the first of the two 01:30s when the clocks go back, and round-trips', () => {
    expect(londonDateTimeToIso('2026-10-25T01:30')).toBe('2026-10-25T00:30:00.000Z');
    const instant = new Date('2026-03-29T12:05:00Z');
    expect(londonDateTimeInput(instant)).toBe('2026-03-29T13:05');
    expect(londonDateTimeToIso(londonDateTimeInput(instant))).toBe(instant.toISOString());
  });

  it('formats calendar dates without shifting them by a time zone', () => {
    expect(formatDate('2026-12-02')).toBe('2 Dec 2026');
    expect(formatDate('bad')).toBe('bad');
  });
});

describe('times and days as UK users read them', () => {
  it('shows wall-clock times in London on both sides of the clock change', () => {
    expect(formatTime('2026-03-28T10:00:00Z')).toBe('10:00');
    expect(formatTime('2026-03-30T09:00:00Z')).toBe('10:00');
    expect(formatTimeRange('2026-10-26T10:00:00Z', '2026-10-26T11:30:00Z')).toBe('10:00–11:30');
  });

  it('names days without shifting them', () => {
    expect(formatShortDay('2026-03-29')).toBe('Sun 29 Mar');
    expect(formatLongDate('2026-10-25')).toBe('Sunday 25 October 2026');
  });

  it('says time spent in hours and minutes', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(105)).toBe('1 h 45 min');
    expect(formatMinutes(1500)).toBe('25 h');
    expect(formatMinutes(-5)).toBe('0 min');
  });
});

describe('formatLongDay', () => {
  it('names the London day of an instant in full, on both sides of midnight UTC', () => {
    expect(formatLongDay('2026-12-29T10:00:00.000Z')).toBe('29 December 2026');
    expect(formatLongDay('2026-07-31T23:30:00.000Z')).toBe('1 August 2026');
    expect(formatLongDay('2026-12-31T23:30:00.000Z')).toBe('31 December 2026');
  });
});
