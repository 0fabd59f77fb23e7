import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';

/**
 * Bar charts drawn with visx (ADR 0012): SVG that prints crisply, fetched only when a report is
 * opened (this module is loaded with a dynamic import). A bar with an `href` is a link to the
 * referrals it counts, reachable by keyboard and named for screen readers ("IMHA: 4 referrals,
 * show them"); every chart also has its figures as a table beside it.
 */
export interface ChartBar {
  key: string;
  label: string;
  value: number;
  /** What the value says in words: "4 referrals", "67%". */
  valueText: string;
  /** Short label for a column chart's axis ("Apr"), and a second line under it ("2026"). */
  shortLabel?: string;
  subLabel?: string;
  href?: string;
}

/** Drawn at the width it is shown at (text stays its real size), measured as the page resizes. */
function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
const ROW = 46;
const LABEL_GAP = 18;
const BAR = 18;
/** Room after the longest bar for its value ("33 patients seen on 7 visits"), at about 7.5 px a character. */
const valueRoom = (bars: ChartBar[], width: number) =>
  Math.min(width / 2, 16 + 7.5 * Math.max(4, ...bars.map((b) => b.valueText.length)));

function BarLink({ bar, children }: { bar: ChartBar; children: React.ReactNode }) {
  if (!bar.href) return <g>{children}</g>;
  return (
    <Link to={bar.href} aria-label={`${bar.label}: ${bar.valueText}. Show them`} className="chart__link">
      {children}
    </Link>
  );
}

/** One row per bar, its label above it: long labels stay readable at any width. */
function RowChart({ bars, max, width: WIDTH }: { bars: ChartBar[]; max: number; width: number }) {
  const x = scaleLinear<number>({
    domain: [0, Math.max(max, 1)],
    range: [0, Math.max(WIDTH - valueRoom(bars, WIDTH), 40)],
  });
  const height = bars.length * ROW + 4;
  return (
    <svg
      width={WIDTH}
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="chart__svg"
      aria-hidden={bars.some((b) => b.href) ? undefined : true}
    >
      {bars.map((bar, i) => {
        // Text stays outside the link (its name says it all) and lets clicks through to the row.
        const hidden = bar.href ? true : undefined;
        return (
          <Group key={bar.key} top={i * ROW}>
            <BarLink bar={bar}>
              <Bar x={0} y={0} width={WIDTH} height={ROW - 2} className="chart__hit" />
              <Bar
                x={0}
                y={LABEL_GAP + 5}
                width={Math.max(x(bar.value), bar.value ? 2 : 0)}
                height={BAR}
                rx={3}
                className="chart__bar"
              />
            </BarLink>
            <text x={0} y={14} className="chart__label" aria-hidden={hidden}>
              {bar.label}
            </text>
            <text
              x={Math.max(x(bar.value), 0) + 8}
              y={LABEL_GAP + 5 + BAR - 4}
              className="chart__value"
              aria-hidden={hidden}
            >
              {bar.valueText}
            </text>
          </Group>
        );
      })}
    </svg>
  );
}

/** Columns along a time axis (months), the value above each. */
function ColumnChart({ bars, max, width: WIDTH }: { bars: ChartBar[]; max: number; width: number }) {
  const height = 236;
  const bottom = 44;
  const top = 22;
  const x = scaleBand<string>({ domain: bars.map((b) => b.key), range: [0, WIDTH], padding: 0.25 });
  const y = scaleLinear<number>({ domain: [0, Math.max(max, 1)], range: [height - bottom, top] });
  return (
    <svg
      width={WIDTH}
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="chart__svg"
      aria-hidden={bars.some((b) => b.href) ? undefined : true}
    >
      <line x1={0} x2={WIDTH} y1={height - bottom} y2={height - bottom} className="chart__axis" />
      {bars.map((bar) => {
        const left = x(bar.key) ?? 0;
        const barTop = y(bar.value);
        const middle = left + x.bandwidth() / 2;
        const hidden = bar.href ? true : undefined;
        return (
          <g key={bar.key}>
            <BarLink bar={bar}>
              <Bar x={left} y={0} width={x.bandwidth()} height={height} className="chart__hit" />
              <Bar
                x={left}
                y={barTop}
                width={x.bandwidth()}
                height={height - bottom - barTop}
                rx={3}
                className="chart__bar"
              />
            </BarLink>
            <text x={middle} y={barTop - 6} textAnchor="middle" className="chart__value" aria-hidden={hidden}>
              {bar.value.toLocaleString('en-GB')}
            </text>
            <text
              x={middle}
              y={height - 24}
              textAnchor="middle"
              className="chart__label"
              aria-hidden={hidden}
            >
              {bar.shortLabel ?? bar.label}
            </text>
            {bar.subLabel && (
              <text
                x={middle}
                y={height - 6}
                textAnchor="middle"
                className="chart__value"
                aria-hidden={hidden}
              >
                {bar.subLabel}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export default function BarChart({
  bars,
  kind = 'rows',
  label,
  max,
}: {
  bars: ChartBar[];
  kind?: 'rows' | 'columns';
  /** What the chart shows, for screen readers when it has links ("Referrals by service"). */
  label: string;
  /** The top of the scale (default: the largest value). */
  max?: number;
}) {
  const id = useId();
  const { ref, width } = useWidth<HTMLDivElement>(640);
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  const linked = bars.some((b) => b.href);
  // With links the chart is a group of them; without, it is a picture the table beside it explains.
  return (
    <div
      ref={ref}
      className="chart"
      role={linked ? 'group' : undefined}
      aria-labelledby={linked ? id : undefined}
    >
      {linked && (
        <span id={id} className="visually-hidden">
          {label}: each bar opens its referrals
        </span>
      )}
      {kind === 'rows' ? (
        <RowChart bars={bars} max={top} width={width} />
      ) : (
        <ColumnChart bars={bars} max={top} width={width} />
      )}
    </div>
  );
}
