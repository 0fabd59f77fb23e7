import {
  periodLabel,
  periodProblems,
  presetOf,
  presetPeriod,
  type ReportPeriod,
  type ReportPreset,
} from '@beacon/domain';

/** The choices of the period picker: a preset holding today or the one before it, or any dates. */
export const PERIOD_CHOICES = [
  { value: 'this-month', label: 'This month', preset: 'MONTH', offset: 0 },
  { value: 'last-month', label: 'Last month', preset: 'MONTH', offset: -1 },
  { value: 'this-quarter', label: 'This quarter', preset: 'QUARTER', offset: 0 },
  { value: 'last-quarter', label: 'Last quarter', preset: 'QUARTER', offset: -1 },
  { value: 'this-year', label: 'This financial year', preset: 'FINANCIAL_YEAR', offset: 0 },
  { value: 'last-year', label: 'Last financial year', preset: 'FINANCIAL_YEAR', offset: -1 },
] as const satisfies readonly { value: string; label: string; preset: ReportPreset; offset: number }[];

export type PeriodChoice = (typeof PERIOD_CHOICES)[number]['value'] | 'custom';

export function choicePeriod(choice: Exclude<PeriodChoice, 'custom'>, today: string): ReportPeriod {
  const found = PERIOD_CHOICES.find((c) => c.value === choice) ?? PERIOD_CHOICES[2];
  return presetPeriod(found.preset, today, found.offset);
}

/** Which choice a period is, seen from today ("custom" for any other dates). */
export function choiceOf(period: ReportPeriod, today: string): PeriodChoice {
  if (!presetOf(period)) return 'custom';
  const found = PERIOD_CHOICES.find((c) => {
    const candidate = presetPeriod(c.preset, today, c.offset);
    return candidate.from === period.from && candidate.to === period.to;
  });
  return found?.value ?? 'custom';
}

/** The default report: the financial quarter so far. */
export function defaultPeriod(today: string): ReportPeriod {
  return choicePeriod('this-quarter', today);
}

/** The period in the address, or the default when it is missing or one the API would refuse. */
export function periodFromParams(params: URLSearchParams, today: string): ReportPeriod {
  const from = params.get('from');
  const to = params.get('to');
  return from && to && periodProblems(from, to).length === 0 ? { from, to } : defaultPeriod(today);
}

export function periodParams(period: ReportPeriod): URLSearchParams {
  return new URLSearchParams({ from: period.from, to: period.to });
}

/** "Q1 2026/27 (April to June 2026)": the words in titles, the file name and the print header. */
export const titleOf = (period: ReportPeriod) => periodLabel(period);
