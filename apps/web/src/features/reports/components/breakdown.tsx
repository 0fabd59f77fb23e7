import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/status';
import { FiguresTable } from './figures-table';
import { plural, shareOf } from '../utils/figures';
import type { ChartBar } from './bar-chart';

/** The chart library is fetched with the first chart, never with the app (ADR 0012). */
const BarChart = lazy(() => import('./bar-chart'));

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
  href?: string;
  shortLabel?: string;
  subLabel?: string;
}

/**
 * One breakdown of a report: its chart (each bar a link to the referrals it counts) and the same
 * figures as a table, which screen-reader users, keyboard users and printers can rely on alone.
 */
export function Breakdown({
  id,
  title,
  description,
  rows,
  total,
  unit = 'referral',
  kind = 'rows',
  tableOpen = false,
  hideZeros = false,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  rows: BreakdownRow[];
  /** Shares are of this (default: the sum of the rows). */
  total?: number;
  unit?: string;
  kind?: 'rows' | 'columns';
  tableOpen?: boolean;
  /** Long lists (issues) chart only what happened; the table still lists every key. */
  hideZeros?: boolean;
}) {
  const sum = total ?? rows.reduce((n, row) => n + row.count, 0);
  const charted = hideZeros ? rows.filter((row) => row.count > 0) : rows;
  const bars: ChartBar[] = charted.map((row) => ({
    key: row.key,
    label: row.label,
    shortLabel: row.shortLabel,
    subLabel: row.subLabel,
    value: row.count,
    valueText: plural(row.count, unit),
    href: row.count > 0 ? row.href : undefined,
  }));
  return (
    <section className="report-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {title}
      </h2>
      {description && <div className="muted report-section__note">{description}</div>}
      {rows.every((row) => row.count === 0) ? (
        <p className="muted">None in this period.</p>
      ) : (
        <>
          <Suspense fallback={<Loading label="Loading chart…" />}>
            <BarChart bars={bars} kind={kind} label={title} />
          </Suspense>
          <FiguresTable
            summary={`${title} as a table`}
            caption={title}
            columns={[
              kind === 'columns' ? 'Month' : 'Category',
              unit === 'referral' ? 'Referrals' : 'Count',
              'Share',
            ]}
            open={tableOpen}
          >
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.href && row.count > 0 ? <Link to={row.href}>{row.label}</Link> : row.label}
                </th>
                <td>{row.count.toLocaleString('en-GB')}</td>
                <td>{shareOf(row.count, sum)}</td>
              </tr>
            ))}
          </FiguresTable>
        </>
      )}
    </section>
  );
}
