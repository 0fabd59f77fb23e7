import {
  addDays,
  ageOn,
  birthdayIn,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isLeapYear,
  intlLondonDate,
  londonDate,
  parseIsoDate,
  weekdayOf,
} from './dates';

describe('isIsoDate / parseIsoDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each([
    ['2026-02-29', 'no 29 February in a common year'],
    ['1900-02-29', '1900 was not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'no month 13'],
    ['2026-00-10', 'no month 0'],
    ['2026-01-00', 'no day 0'],
    ['0000-01-01', 'no year 0'],
    ['2026-1-1', 'unpadded'],
    ['26-01-01', 'two-digit year'],
    ['2026/01/01', 'wrong separator'],
    ['2026-01-01T00:00:00Z', 'a timestamp, not a date'],
    [' 2026-01-01', 'leading space'],
    ['', 'empty'],
    ['not a date', 'words'],
  ])('refuses %s (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(parseIsoDate(value)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    for (const value of [20260101, null, undefined, new Date('2026-01-01'), {}])
      expect(isIsoDate(value)).toBe(false);
  });

  it('parses the parts', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('calendar facts', () => {
  it('knows leap years, including the century rule', () => {
    expect([2024, 2026, 2000, 1900, 2100].map(isLeapYear)).toEqual([true, false, true, false, false]);
  });

  it('knows month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('birthdayIn', () => {
  it('is the same day and month in any year for most people', () => {
    expect(birthdayIn('2008-06-15', 2026)).toBe('2026-06-15');
  });

  it('puts a 29 February birthday on 1 March in common years and on 29 February in leap years', () => {
    expect(birthdayIn('2008-02-29', 2026)).toBe('2026-03-01');
    expect(birthdayIn('2008-02-29', 2028)).toBe('2028-02-29');
    expect(birthdayIn('2008-02-29', 2100)).toBe('2100-03-01');
  });

  it('throws on a malformed date of birth', () => {
    expect(() => birthdayIn('2008-02-30', 2026)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it.each([
    ['2008-06-15', '2026-06-14', 17, 'the day before the 18th birthday'],
    ['2008-06-15', '2026-06-15', 18, 'on the 18th birthday'],
    ['2008-06-15', '2026-06-16', 18, 'the day after'],
    ['2008-12-31', '2026-01-01', 17, 'early in the year of the 18th birthday'],
    ['2008-01-01', '2025-12-31', 17, 'the last day before turning 18'],
    ['2008-02-29', '2026-02-28', 17, '29 February birth, common year: still 17 on 28 February'],
    ['2008-02-29', '2026-03-01', 18, '29 February birth, common year: 18 on 1 March'],
    ['2008-02-29', '2028-02-28', 19, '29 February birth, leap year: not yet 20 on 28 February'],
    ['2008-02-29', '2028-02-29', 20, '29 February birth, leap year: 20 on 29 February'],
    ['2008-03-01', '2026-02-28', 17, 'a 1 March birth is unaffected'],
    ['2026-06-01', '2026-06-01', 0, 'born today'],
    ['1926-06-01', '2026-06-01', 100, 'a centenarian'],
  ])('born %s, on %s is %i (%s)', (dateOfBirth, today, age) => {
    expect(ageOn(dateOfBirth, today)).toBe(age);
  });

  it('throws on a date of birth after today', () => {
    expect(() => ageOn('2026-06-02', '2026-06-01')).toThrow('dateOfBirth must not be after today');
  });

  it('throws on malformed dates, naming which', () => {
    expect(() => ageOn('2008-13-01', '2026-06-01')).toThrow(/^dateOfBirth must be a date/);
    expect(() => ageOn('2008-01-01', '01/06/2026')).toThrow(/^today must be a date/);
  });
});

describe('londonDate', () => {
  it('is the UTC date in winter (GMT)', () => {
    expect(londonDate(new Date('2026-01-15T23:59:59Z'))).toBe('2026-01-15');
    expect(londonDate(new Date('2026-01-16T00:00:00Z'))).toBe('2026-01-16');
  });

  it('runs an hour ahead of UTC in summer (BST)', () => {
    expect(londonDate(new Date('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    expect(londonDate(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
  });

  it('turns the year at London midnight', () => {
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(londonDate(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });

  it('changes to and from summer time at 01:00 UTC on the last Sundays of March and October', () => {
    // 2026: BST from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
    expect(londonDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(londonDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(londonDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
  });

  it('agrees with the time-zone database around every London midnight and clock change, 1996 to 2040', () => {
    const mismatches: string[] = [];
    const check = (ms: number) => {
      const at = new Date(ms);
      if (londonDate(at) !== intlLondonDate(at)) mismatches.push(at.toISOString());
    };
    const HOUR = 3_600_000;
    for (let day = Date.UTC(1996, 0, 1); day < Date.UTC(2041, 0, 1); day += 24 * HOUR) {
      // London's date can differ from UTC's only between 23:00 and 24:00 UTC.
      for (const ms of [day + 23 * HOUR - 1, day + 23 * HOUR, day + 24 * HOUR - 1]) check(ms);
      const d = new Date(day);
      if (d.getUTCDay() === 0 && d.getUTCDate() > 24 && [2, 9].includes(d.getUTCMonth())) {
        for (let ms = day - 2 * HOUR; ms <= day + 26 * HOUR; ms += HOUR / 4) check(ms);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('falls back to the time-zone database before 1996 (other summer-time rules)', () => {
    // 1995: BST ended on 22 October, the fourth Sunday, not the last.
    expect(londonDate(new Date('1995-10-22T23:30:00Z'))).toBe('1995-10-22');
    expect(londonDate(new Date('1995-10-21T23:30:00Z'))).toBe('1995-10-22');
  });
});

describe('addDays / daysBetween', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 7)).toBe('2026-04-04');
    expect(addDays('2026-06-01', 0)).toBe('2026-06-01');
  });

  it('counts calendar days, unaffected by clock changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-06-10', '2026-06-01')).toBe(-9);
  });

  it('refuses malformed input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => daysBetween('2026-02-01', 'tomorrow')).toThrow(RangeError);
  });
});

describe('weekdayOf', () => {
  it.each([
    ['2026-01-01', 'THURSDAY'],
    ['2026-06-01', 'MONDAY'],
    ['2026-06-02', 'TUESDAY'],
    ['2026-03-29', 'SUNDAY'],
    ['2024-02-29', 'THURSDAY'],
    ['2000-01-01', 'SATURDAY'],
  ])('%s is a %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});
