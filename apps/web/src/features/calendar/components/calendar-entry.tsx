import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import type { CalendarItem } from '../../../lib/calendar';
import { londonDayOf } from '../../../lib/dates';
import { formatTimeRange } from '../../../lib/format';
import { describeItem, isUnlogged } from '../utils/grid';

const VISIT_STATUS: Record<string, string> = { PLANNED: 'Planned', HELD: 'Held', CANCELLED: 'Cancelled' };

function hrefOf(item: CalendarItem): string | null {
  if (item.type === 'VISIT') return paths.visit.getHref(item.id, londonDayOf(item.startsAt));
  return item.referralId ? paths.referral.getHref(item.referralId) : null;
}

/** What an item's state is, in a word: meetings have none; a visit over and not logged says so. */
function stateOf(item: CalendarItem, now: Date): { text: string; tone: string } | null {
  if (item.type !== 'VISIT' || !item.status) return null;
  if (isUnlogged(item, now)) return { text: 'Not logged', tone: 'tag--danger' };
  const tone = item.status === 'HELD' ? 'tag--ok' : item.status === 'CANCELLED' ? 'tag--muted' : 'tag--info';
  return { text: VISIT_STATUS[item.status] ?? item.status, tone };
}

/**
 * One visit or meeting: its time, what it is, and (when the calendar shows more than one person)
 * whose. The whole entry is the link, so it is a big target for a finger.
 */
export function CalendarEntry({
  item,
  now,
  showAdvocate,
  compact = false,
}: {
  item: CalendarItem;
  now: Date;
  showAdvocate: boolean;
  compact?: boolean;
}) {
  const href = hrefOf(item);
  const what = describeItem(item);
  const state = stateOf(item, now);
  const cancelled = item.status === 'CANCELLED';
  const body = (
    <>
      <span className="calendar-entry__time">{formatTimeRange(item.startsAt, item.endsAt)}</span>
      <span className="calendar-entry__title">{what.title}</span>
      {what.detail && !compact && <span className="calendar-entry__detail">{what.detail}</span>}
      {showAdvocate && item.advocateName && <span className="calendar-entry__who">{item.advocateName}</span>}
      {state && <span className={`tag ${state.tone} calendar-entry__state`}>{state.text}</span>}
    </>
  );
  const className = [
    'calendar-entry',
    `calendar-entry--${item.type.toLowerCase()}`,
    cancelled ? 'calendar-entry--cancelled' : null,
    state?.text === 'Not logged' ? 'calendar-entry--missed' : null,
  ]
    .filter(Boolean)
    .join(' ');
  return href ? (
    <Link className={className} to={href}>
      {body}
    </Link>
  ) : (
    <span className={className}>{body}</span>
  );
}
