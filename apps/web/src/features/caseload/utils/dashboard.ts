import { addDays } from '@beacon/domain';
import type { CalendarItem } from '../../../lib/calendar';
import { mondayOf } from '../../../lib/dates';
import { isMissed, type Visit } from '../../../lib/visits';

/** How far back the caseload looks for visits nobody logged. */
export const MISSED_LOOKBACK_DAYS = 56;

/** The dates the dashboard reads visits for: eight weeks back (missed ones) to the end of this week. */
export function dashboardVisitRange(today: string): { from: string; to: string } {
  return { from: addDays(today, -MISSED_LOOKBACK_DAYS), to: addDays(mondayOf(today), 6) };
}

/**
 * The visits to act on: every missed one (oldest first, they are the most overdue), and this
 * week's, Monday to Sunday, in order, missed ones of this week included so the week reads whole.
 */
export function splitVisits(visits: readonly Visit[], today: string): { missed: Visit[]; thisWeek: Visit[] } {
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const byTime = [...visits].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    missed: byTime.filter(isMissed),
    thisWeek: byTime.filter((visit) => visit.date >= monday && visit.date <= sunday),
  };
}

export interface NextMeeting {
  startsAt: string;
  /** The kind of meeting, e.g. "Tribunal hearing". */
  kind: string;
}

/**
 * Each case's next meeting from the calendar: the earliest meeting on it that has not started.
 * The calendar titles a meeting "Kind: Name"; only the kind is shown beside the case.
 */
export function nextMeetings(items: readonly CalendarItem[], now: Date): Map<string, NextMeeting> {
  const next = new Map<string, NextMeeting>();
  const upcoming = items
    .filter(
      (item) => item.type === 'MEETING' && item.referralId && Date.parse(item.startsAt) >= now.getTime(),
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const item of upcoming) {
    const id = item.referralId as string;
    if (!next.has(id)) next.set(id, { startsAt: item.startsAt, kind: item.title.split(': ')[0] });
  }
  return next;
}
