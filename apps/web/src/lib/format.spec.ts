import { formatDate, londonDateTimeInput, londonDateTimeToIso } from './format';

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
