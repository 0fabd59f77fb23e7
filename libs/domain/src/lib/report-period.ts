import { MONTH_NAMES, addDays, daysBetween, daysInMonth, formatIsoDate, parseIsoDate } from './dates';

/**
 * Reporting periods: a `from`–`to` pair of Europe/London calendar days, both inclusive, as
 * `YYYY-MM-DD`. The API takes any such range (up to REPORT_MAX_DAYS); the SPA offers presets for
 * the calendar month, the quarter and the financial year (1 April to 31 March, the year
 * commissioners and charities report on). Quarters are the financial year's: Q1 April–June,
 * Q2 July–September, Q3 October–December, Q4 January–March.
 */
export interface ReportPeriod {
  from: string;
  to: string;
}

export const REPORT_PRESETS = ['MONTH', 'QUARTER', 'FINANCIAL_YEAR'] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

export const REPORT_PRESET_LABELS: Record<ReportPreset, string> = {
  MONTH: 'Month',
  QUARTER: 'Quarter',
  FINANCIAL_YEAR: 'Financial year',
};

/** The longest range one report covers: a year, with room for a leap day. */
export const REPORT_MAX_DAYS = 366;

function requireDate(value: string, name: string) {
  const parsed = parseIsoDate(value);
  if (!parsed) throw new RangeError(`${name} must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return parsed;
}

function monthSpan(year: number, month: number, months: number): ReportPeriod {
  // The last month of the span may fall in the next year (never further: spans are 1–12 months).
  const lastMonth0 = month - 1 + months - 1;
  const endYear = year + Math.floor(lastMonth0 / 12);
  const endMonth = (lastMonth0 % 12) + 1;
  return {
    from: formatIsoDate({ year, month, day: 1 }),
    to: formatIsoDate({ year: endYear, month: endMonth, day: daysInMonth(endYear, endMonth) }),
  };
}

/** The year in which the financial year holding `date` starts (2026 for 2026/27, 1 April 2026 – 31 March 2027). */
export function financialYearStart(date: string): number {
  const { year, month } = requireDate(date, 'date');
  return month >= 4 ? year : year - 1;
}

/** "2026/27" for the financial year starting in 2026. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The calendar month holding `date`. */
export function monthPeriod(date: string): ReportPeriod {
  const { year, month } = requireDate(date, 'date');
  return monthSpan(year, month, 1);
}

/** The financial quarter holding `date` (April–June, July–September, October–December, January–March). */
export function quarterPeriod(date: string): ReportPeriod {
  const { year, month } = requireDate(date, 'date');
  const first = month - ((month - 1) % 3);
  return monthSpan(year, first, 3);
}

/** The financial year (1 April – 31 March) holding `date`. */
export function financialYearPeriod(date: string): ReportPeriod {
  return monthSpan(financialYearStart(date), 4, 12);
}

/**
 * The preset period holding `date`, or `offset` periods before (negative) or after it:
 * `presetPeriod('QUARTER', today, -1)` is the last complete quarter.
 */
export function presetPeriod(preset: ReportPreset, date: string, offset = 0): ReportPeriod {
  if (!Number.isInteger(offset)) throw new RangeError('offset must be a whole number');
  const months = preset === 'MONTH' ? 1 : preset === 'QUARTER' ? 3 : 12;
  // Step from the first day of the period, a whole period at a time.
  const start =
    preset === 'MONTH'
      ? monthPeriod(date)
      : preset === 'QUARTER'
        ? quarterPeriod(date)
        : financialYearPeriod(date);
  const first = requireDate(start.from, 'from');
  const index = first.year * 12 + (first.month - 1) + offset * months;
  return monthSpan(Math.floor(index / 12), (index % 12) + 1, months);
}

/** Which preset, if any, `period` is exactly (a custom range answers null). */
export function presetOf(period: ReportPeriod): ReportPreset | null {
  if (!parseIsoDate(period.from) || !parseIsoDate(period.to)) return null;
  for (const preset of REPORT_PRESETS) {
    const match = presetPeriod(preset, period.from);
    if (match.from === period.from && match.to === period.to) return preset;
  }
  return null;
}

function dayLabel(date: string): string {
  const { year, month, day } = requireDate(date, 'date');
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * How a period reads in a title: "April 2026", "Q1 2026/27 (April to June 2026)",
 * "Financial year 2026/27", or "1 April 2026 to 15 May 2026" for a custom range.
 */
export function periodLabel(period: ReportPeriod): string {
  const from = requireDate(period.from, 'from');
  const to = requireDate(period.to, 'to');
  switch (presetOf(period)) {
    case 'MONTH':
      return `${MONTH_NAMES[from.month - 1]} ${from.year}`;
    case 'QUARTER': {
      const fy = financialYearStart(period.from);
      const quarter = Math.floor(((from.month + 8) % 12) / 3) + 1;
      return `Q${quarter} ${financialYearLabel(fy)} (${MONTH_NAMES[from.month - 1]} to ${MONTH_NAMES[to.month - 1]} ${to.year})`;
    }
    case 'FINANCIAL_YEAR':
      return `Financial year ${financialYearLabel(from.year)}`;
    default:
      return period.from === period.to
        ? dayLabel(period.from)
        : `${dayLabel(period.from)} to ${dayLabel(period.to)}`;
  }
}

export interface PeriodProblem {
  field: 'from' | 'to';
  message: string;
}

/**
 * What is wrong with a requested period, each problem naming its field (empty when it is fine):
 * a missing or unreal date, `to` before `from`, or a range longer than `maxDays`.
 */
export function periodProblems(
  from: unknown,
  to: unknown,
  maxDays: number = REPORT_MAX_DAYS,
): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  const fromOk = typeof from === 'string' && parseIsoDate(from) !== null;
  const toOk = typeof to === 'string' && parseIsoDate(to) !== null;
  if (!fromOk) problems.push({ field: 'from', message: 'must be a date (YYYY-MM-DD)' });
  if (!toOk) problems.push({ field: 'to', message: 'must be a date (YYYY-MM-DD)' });
  if (fromOk && toOk) {
    const days = daysBetween(from, to) + 1;
    if (days < 1) problems.push({ field: 'to', message: 'must be on or after from' });
    else if (days > maxDays)
      problems.push({ field: 'to', message: `the period must be at most ${maxDays} days long` });
  }
  return problems;
}

/** The months a period touches, as YYYY-MM, oldest first (a report's month axis, empty months included). */
export function monthsOf(period: ReportPeriod): string[] {
  const from = requireDate(period.from, 'from');
  const to = requireDate(period.to, 'to');
  const months: string[] = [];
  for (let index = from.year * 12 + from.month - 1; index <= to.year * 12 + to.month - 1; index += 1) {
    months.push(
      `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`,
    );
  }
  return months;
}

/** "April 2026" for "2026-04". */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return `${MONTH_NAMES[number - 1]} ${year}`;
}

/** The part of `month` (YYYY-MM) inside `period`: what a month bar of a report drills down to. */
export function monthWithin(month: string, period: ReportPeriod): ReportPeriod {
  const whole = monthPeriod(`${month}-01`);
  return {
    from: whole.from > period.from ? whole.from : period.from,
    to: whole.to < period.to ? whole.to : period.to,
  };
}

/** The day after `date`: a report's end is inclusive, so the instant range ends at the start of this day. */
export function dayAfter(date: string): string {
  return addDays(date, 1);
}
