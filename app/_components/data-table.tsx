import type { ReactNode } from 'react';

export type Column<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers: right-aligned with tabular figures, never wrapped in the table. */
  numeric?: boolean;
  /** Never wrapped in the table (dates, periods, references). */
  nowrap?: boolean;
  /** The cell that names its row: a row header (`<th scope="row">`), in the body's weight; first on a card. */
  rowHeader?: boolean;
  /** The row's status: on a card, beside the row header at the top, without a label. */
  status?: boolean;
  /** Extra classes for this column's body cells. */
  className?: string;
};

/**
 * The one list table of the app, server-rendered: a caption (for screen readers, or shown), column headers
 * with scope, and a message instead of an empty table.
 *
 * Below the `md` breakpoint each row is a card: the row header (the record's name or code) and its status
 * on top, then the other columns as label / value pairs (the label is the column header, repeated in the
 * cell and hidden on wider screens). Pure CSS, so it works without JavaScript and from server components.
 * From `md` up it is a table; text columns keep a minimum width so number and date columns (never wrapped)
 * cannot squeeze a name to one character a line, and a table wider than its box scrolls inside it, with a
 * shadow on the side where more of it is hidden (`scroll-hint-x` in app/globals.css), so the page itself
 * never does.
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
  const edge = (i: number) => (i === shown.length - 1 ? 'md:py-2' : 'md:py-2 md:pr-3');
  const headClass = (c: Column<T>, i: number) => [edge(i), 'py-2', c.numeric ? 'text-right' : ''].filter(Boolean).join(' ');
  const onCard = (c: Column<T>) =>
    c.rowHeader
      ? 'max-md:order-[-2] max-md:min-w-0 max-md:flex-1 max-md:font-medium'
      : c.status
        ? 'max-md:order-[-1] max-md:shrink-0'
        : 'max-md:grid max-md:basis-full max-md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] max-md:gap-2';
  const cellClass = (c: Column<T>, i: number) =>
    [
      'max-md:py-0.5 break-words',
      edge(i),
      onCard(c),
      c.numeric ? 'tabular-nums md:whitespace-nowrap md:text-right' : c.nowrap ? 'md:whitespace-nowrap' : 'md:min-w-32',
      c.rowHeader ? 'font-normal' : '',
      c.className ?? '',
    ]
      .filter(Boolean)
      .join(' ');
  const labelled = (c: Column<T>) => !c.rowHeader && !c.status;
  const body = (c: Column<T>, row: T) =>
    labelled(c) ? (
      <>
        <span className="text-slate-600 md:hidden">
          {c.header}
        </span>
        <span className="min-w-0">{c.cell(row)}</span>
      </>
    ) : (
      c.cell(row)
    );
  return (
    <div className="md:scroll-hint-x">
      <table className="min-w-full text-left text-sm max-md:block" data-testid={testId}>
        <caption className={showCaption ? 'text-left text-sm font-medium text-slate-700 max-md:block max-md:pb-2' : 'sr-only'}>{caption}</caption>
        <thead className="border-b border-slate-300 text-slate-700 max-md:sr-only">
          <tr>
            {shown.map((c, i) => (
              <th key={i} scope="col" className={headClass(c, i)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="max-md:block max-md:space-y-2">
          {rows.map((row, index) => (
            <tr
              key={rowKey(row, index)}
              className="border-b border-slate-100 align-top max-md:flex max-md:flex-wrap max-md:items-start max-md:gap-x-3 max-md:gap-y-1 max-md:rounded-md max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-3"
              data-testid={rowTestId}
            >
              {shown.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" className={cellClass(c, i)}>
                    {body(c, row)}
                  </th>
                ) : (
                  <td key={i} className={cellClass(c, i)}>
                    {body(c, row)}
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
