import { addDays } from '@beacon/domain';
import { mondayOf } from '../../../lib/dates';
import type { WeeklyTime } from '../api/get-weekly-time';

export interface Minutes {
  caseworkMinutes: number;
  visitMinutes: number;
  totalMinutes: number;
}

const ZERO: Minutes = { caseworkMinutes: 0, visitMinutes: 0, totalMinutes: 0 };

function add(a: Minutes, b: Minutes): Minutes {
  return {
    caseworkMinutes: a.caseworkMinutes + b.caseworkMinutes,
    visitMinutes: a.visitMinutes + b.visitMinutes,
    totalMinutes: a.totalMinutes + b.totalMinutes,
  };
}

/** The default range: this week and the three before it, Monday to today. */
export function defaultTimeRange(today: string): { from: string; to: string } {
  return { from: addDays(mondayOf(today), -21), to: today };
}

/** The Mondays of every week the range touches. */
export function weeksIn(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** Week by week for the rows given (one person's, or everyone's added up), weeks with nothing as zero. */
export function weekRows(
  items: readonly WeeklyTime[],
  from: string,
  to: string,
): ({ weekStarting: string } & Minutes)[] {
  return weeksIn(from, to).map((weekStarting) => ({
    weekStarting,
    ...items.filter((item) => item.weekStarting === weekStarting).reduce<Minutes>(add, ZERO),
  }));
}

/** The whole range per advocate, by name, with their average week. */
export function advocateTotals(
  items: readonly WeeklyTime[],
  weeks: number,
): ({ advocateId: string; advocateName: string; weeklyAverage: number } & Minutes)[] {
  const byAdvocate = new Map<string, { advocateName: string } & Minutes>();
  for (const item of items) {
    const previous = byAdvocate.get(item.advocateId) ?? { advocateName: item.advocateName, ...ZERO };
    byAdvocate.set(item.advocateId, { advocateName: item.advocateName, ...add(previous, item) });
  }
  return [...byAdvocate]
    .map(([advocateId, totals]) => ({
      advocateId,
      ...totals,
      weeklyAverage: weeks > 0 ? Math.round(totals.totalMinutes / weeks) : 0,
    }))
    .sort((a, b) => a.advocateName.localeCompare(b.advocateName));
}

export function sumMinutes(items: readonly Minutes[]): Minutes {
  return items.reduce<Minutes>(add, ZERO);
}
