import type { ReactNode } from 'react';

export type Column<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers are right-aligned with tabular figures. */
  numeric?: boolean;
  className?: string;
};

/**
 * A plain, server-rendered table: horizontal scroll on narrow screens, a caption for screen readers,
 * column headers with scope, and a message instead of an empty table.
 */
export function DataTable<T>({ rows, columns, caption, rowKey, rowTestId, empty }: { rows: readonly T[]; columns: readonly Column<T>[]; caption: string; rowKey: (row: T) => string | number; rowTestId?: string; empty: ReactNode }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  const cellClass = (c: Column<T>, last: boolean) => [last ? 'py-2' : 'py-2 pr-3', c.numeric ? 'text-right tabular-nums' : '', c.className ?? ''].filter(Boolean).join(' ');
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={cellClass(c, i === columns.length - 1)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-slate-100" data-testid={rowTestId}>
              {columns.map((c, i) => (
                <td key={i} className={cellClass(c, i === columns.length - 1)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
