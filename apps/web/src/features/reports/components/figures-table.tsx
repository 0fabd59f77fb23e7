import type { ReactNode } from 'react';
import { TableWrap } from '../../../components/table-wrap';

/**
 * A chart's figures as a table: folded under the chart on screen (its summary says what it
 * holds), open on the printed report. `children` are the body's rows.
 */
export function FiguresTable({
  summary,
  caption,
  columns,
  open,
  children,
}: {
  summary: string;
  caption: string;
  columns: string[];
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <details className="report-table" open={open || undefined}>
      <summary>{summary}</summary>
      <TableWrap>
        <table className="table table--numbers">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </TableWrap>
    </details>
  );
}
