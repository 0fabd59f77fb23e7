import {
  REPORT_MAX_DAYS,
  financialYearLabel,
  financialYearPeriod,
  financialYearStart,
  monthLabel,
  monthPeriod,
  monthWithin,
  monthsOf,
  periodLabel,
  periodProblems,
  presetOf,
  presetPeriod,
  quarterPeriod,
} from './report-period';

describe('monthPeriod', () => {
  it.each([
    ['2026-04-15', '2026-04-01', '2026-04-30'],
    ['2026-02-01', '2026-02-01', '2026-02-28'],
    ['2028-02-29', '2028-02-01', '2028-02-29'],
    ['2026-12-31', '2026-12-01', '2026-12-31'],
  ])('holds %s: %s to %s', (date, from, to) => {
    expect(monthPeriod(date)).toEqual({ from, to });
  });
});

describe('quarterPeriod (financial quarters)', () => {
  it.each([
    ['2026-04-01', '2026-04-01', '2026-06-30'],
    ['2026-06-30', '2026-04-01', '2026-06-30'],
    ['2026-07-01', '2026-07-01', '2026-09-30'],
    ['2026-11-20', '2026-10-01', '2026-12-31'],
    ['2027-01-01', '2027-01-01', '2027-03-31'],
    ['2027-03-31', '2027-01-01', '2027-03-31'],
  ])('holds %s: %s to %s', (date, from, to) => {
    expect(quarterPeriod(date)).toEqual({ from, to });
  });
});

describe('financialYearPeriod (1 April to 31 March)', () => {
  it.each([
    ['2026-04-01', '2026-04-01', '2027-03-31'],
    ['2026-12-25', '2026-04-01', '2027-03-31'],
    ['2027-03-31', '2026-04-01', '2027-03-31'],
    ['2026-03-31', '2025-04-01', '2026-03-31'],
    ['2026-01-01', '2025-04-01', '2026-03-31'],
  ])('holds %s: %s to %s', (date, from, to) => {
    expect(financialYearPeriod(date)).toEqual({ from, to });
  });

  it('names the year it starts in', () => {
    expect(financialYearStart('2027-02-10')).toBe(2026);
    expect(financialYearStart('2027-04-01')).toBe(2027);
    expect(financialYearLabel(2026)).toBe('2026/27');
    expect(financialYearLabel(2099)).toBe('2099/00');
  });

  it('spans 365 days, or 366 with a 29 February, within the longest report', () => {
    const leap = financialYearPeriod('2027-06-01'); // 1 April 2027 – 31 March 2028 holds 29 February 2028
    expect(periodProblems(leap.from, leap.to)).toEqual([]);
    expect(REPORT_MAX_DAYS).toBe(366);
  });
});

describe('presetPeriod', () => {
  it('is the period holding the date, or one before or after it', () => {
    expect(presetPeriod('MONTH', '2026-01-20')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(presetPeriod('MONTH', '2026-01-20', -1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('MONTH', '2026-12-20', 1)).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(presetPeriod('QUARTER', '2026-05-05', -1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('QUARTER', '2026-02-05', -1)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('FINANCIAL_YEAR', '2026-02-05', -1)).toEqual({
      from: '2024-04-01',
      to: '2025-03-31',
    });
    expect(presetPeriod('FINANCIAL_YEAR', '2026-04-05')).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });

  it('refuses a fractional offset and an unreal date', () => {
    expect(() => presetPeriod('MONTH', '2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => presetPeriod('MONTH', '2026-02-30')).toThrow(RangeError);
  });
});

describe('presetOf and periodLabel', () => {
  it('recognise presets and label every kind of period', () => {
    expect(presetOf({ from: '2026-04-01', to: '2026-04-30' })).toBe('MONTH');
    expect(presetOf({ from: '2026-04-01', to: '2026-06-30' })).toBe('QUARTER');
    expect(presetOf({ from: '2026-04-01', to: '2027-03-31' })).toBe('FINANCIAL_YEAR');
    expect(presetOf({ from: '2026-04-02', to: '2026-04-30' })).toBeNull();
    expect(presetOf({ from: 'nonsense', to: '2026-04-30' })).toBeNull();
    expect(periodLabel({ from: '2026-04-01', to: '2026-04-30' })).toBe('April 2026');
    expect(periodLabel({ from: '2026-04-01', to: '2026-06-30' })).toBe('Q1 2026/27 (April to June 2026)');
    expect(periodLabel({ from: '2027-01-01', to: '2027-03-31' })).toBe('Q4 2026/27 (January to March 2027)');
    expect(periodLabel({ from: '2026-10-01', to: '2026-12-31' })).toBe(
      'Q3 2026/27 (October to December 2026)',
    );
    expect(periodLabel({ from: '2026-04-01', to: '2027-03-31' })).toBe('Financial year 2026/27');
    expect(periodLabel({ from: '2026-04-03', to: '2026-05-15' })).toBe('3 April 2026 to 15 May 2026');
    expect(periodLabel({ from: '2026-04-03', to: '2026-04-03' })).toBe('3 April 2026');
  });
});

describe('periodProblems', () => {
  it('accepts a single day and a whole year', () => {
    expect(periodProblems('2026-05-05', '2026-05-05')).toEqual([]);
    expect(periodProblems('2026-01-01', '2026-12-31')).toEqual([]);
    expect(periodProblems('2026-01-01', '2027-01-01')).toEqual([]); // 366 days, the longest
  });

  it('names each field that is missing or not a real date', () => {
    expect(periodProblems(undefined, '2026-02-30')).toEqual([
      { field: 'from', message: 'must be a date (YYYY-MM-DD)' },
      { field: 'to', message: 'must be a date (YYYY-MM-DD)' },
    ]);
    expect(periodProblems('2026-1-1', '2026-01-31')).toEqual([
      { field: 'from', message: 'must be a date (YYYY-MM-DD)' },
    ]);
  });

  it('refuses an end before the start and a range longer than the maximum', () => {
    expect(periodProblems('2026-05-06', '2026-05-05')).toEqual([
      { field: 'to', message: 'must be on or after from' },
    ]);
    expect(periodProblems('2026-01-01', '2027-01-02')).toEqual([
      { field: 'to', message: 'the period must be at most 366 days long' },
    ]);
    expect(periodProblems('2026-01-01', '2026-01-10', 7)).toEqual([
      { field: 'to', message: 'the period must be at most 7 days long' },
    ]);
  });
});

describe('months', () => {
  it('lists every month a period touches, across a year end', () => {
    expect(monthsOf({ from: '2026-11-15', to: '2027-02-01' })).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthsOf({ from: '2026-04-01', to: '2027-03-31' })).toHaveLength(12);
    expect(monthLabel('2027-02')).toBe('February 2027');
  });

  it('clips a month to the period (a month bar drills down to its part of the period)', () => {
    const period = { from: '2026-11-15', to: '2027-02-01' };
    expect(monthWithin('2026-11', period)).toEqual({ from: '2026-11-15', to: '2026-11-30' });
    expect(monthWithin('2026-12', period)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthWithin('2027-02', period)).toEqual({ from: '2027-02-01', to: '2027-02-01' });
  });
});
