import type { WardCoverage } from '../api/get-coverage';

export type CoverageTotals = Pick<
  WardCoverage,
  'scheduled' | 'held' | 'cancelled' | 'missed' | 'upcoming' | 'patientsSeen' | 'newReferrals'
>;

/** The sums across wards, for the table's last row and the headline. */
export function coverageTotals(rows: readonly WardCoverage[]): CoverageTotals {
  const totals: CoverageTotals = {
    scheduled: 0,
    held: 0,
    cancelled: 0,
    missed: 0,
    upcoming: 0,
    patientsSeen: 0,
    newReferrals: 0,
  };
  for (const row of rows) {
    for (const key of Object.keys(totals) as (keyof CoverageTotals)[]) totals[key] += row[key];
  }
  return totals;
}

/** Wards with missed visits first (most missed first), then as the API lists them (by hospital and ward). */
export function sortCoverage(rows: readonly WardCoverage[]): WardCoverage[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.missed - a.row.missed || a.index - b.index)
    .map(({ row }) => row);
}

/** Held as a share of the visits that were due (held, cancelled or missed): "80%", or "—" when none were due. */
export function heldShare(row: Pick<WardCoverage, 'held' | 'cancelled' | 'missed'>): string {
  const due = row.held + row.cancelled + row.missed;
  return due === 0 ? '—' : `${Math.round((row.held / due) * 100)}%`;
}
