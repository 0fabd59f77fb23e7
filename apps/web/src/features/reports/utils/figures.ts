/** Numbers as the report shows them. */

/** 0.667 → "67%"; null (nothing to divide) → "–". */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** 2.5 → "2.5 days", 1 → "1 day", null → "–". */
export function formatDays(days: number | null): string {
  if (days === null) return '–';
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Minutes as hours with one decimal: 90 → "1.5 h" (charts and totals of a whole period). */
export function formatHours(minutes: number): string {
  return `${(Math.round((minutes / 60) * 10) / 10).toLocaleString('en-GB')} h`;
}

/** A count's share of a total, for tables: "25%", or "–" when the total is 0. */
export function shareOf(count: number, total: number): string {
  return total ? `${Math.round((count / total) * 100)}%` : '–';
}

/** "4 referrals", "1 referral". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
