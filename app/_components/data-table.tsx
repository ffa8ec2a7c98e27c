import type { ReactNode } from 'react';

export type Column<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers: right-aligned with tabular figures, never wrapped. */
  numeric?: boolean;
  /** Never wrapped (dates, periods, references). */
  nowrap?: boolean;
  /** The cell that names its row: a row header (`<th scope="row">`), in the body's weight. */
  rowHeader?: boolean;
  /** Extra classes for this column's body cells. */
  className?: string;
};

/**
 * The one list table of the app, server-rendered: a caption (for screen readers, or shown), column headers
 * with scope, and a message instead of an empty table. On a narrow screen the table scrolls sideways inside
 * its own box, with a shadow on the side where more of it is hidden (`scroll-hint-x` in app/globals.css),
 * so the page itself never does.
 *
 * A column given as `false` or `null` is left out, for columns shown only in some places.
 */
export function DataTable<T>({
  rows,
  columns,
  caption,
  showCaption = false,
  rowKey,
  rowTestId,
  testId,
  empty,
}: {
  rows: readonly T[];
  columns: readonly (Column<T> | false | null | undefined)[];
  caption: ReactNode;
  /** Show the caption above the table; by default only screen readers get it (a heading usually says it). */
  showCaption?: boolean;
  rowKey: (row: T, index: number) => string | number;
  /** data-testid of every body row. */
  rowTestId?: string;
  /** data-testid of the table. */
  testId?: string;
  /** Shown instead of a table without rows; without it, an empty table keeps its column headers. */
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <p className="text-sm text-slate-600">{empty}</p>;
  const shown = columns.filter((c): c is Column<T> => Boolean(c));
  const edge = (i: number) => (i === shown.length - 1 ? 'py-2' : 'py-2 pr-3');
  const headClass = (c: Column<T>, i: number) => [edge(i), c.numeric ? 'text-right' : ''].filter(Boolean).join(' ');
  const cellClass = (c: Column<T>, i: number) =>
    [edge(i), c.numeric ? 'whitespace-nowrap text-right tabular-nums' : c.nowrap ? 'whitespace-nowrap' : '', c.rowHeader ? 'font-normal' : '', c.className ?? ''].filter(Boolean).join(' ');
  return (
    <div className="scroll-hint-x">
      <table className="min-w-full text-left text-sm" data-testid={testId}>
        <caption className={showCaption ? 'text-left text-sm font-medium text-slate-700' : 'sr-only'}>{caption}</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            {shown.map((c, i) => (
              <th key={i} scope="col" className={headClass(c, i)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className="border-b border-slate-100 align-top" data-testid={rowTestId}>
              {shown.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" className={cellClass(c, i)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={cellClass(c, i)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
