import { scaleLinear } from 'd3-scale';

export type Series = { key: string; label: string; colorClass: string };
export type Column = { key: string; label: string; values: Record<string, number> };

/**
 * Stacked columns (e.g. contracts by status per start year) with a legend; same accessibility contract as
 * BarChart. Columns are boxes sized in percent, and the axis and column labels are HTML text (12 px), so they
 * keep their size at any width.
 */
export function StackedColumns({ id, title, description, series, columns }: { id: string; title: string; description: string; series: Series[]; columns: Column[] }) {
  const totals = columns.map((c) => series.reduce((sum, s) => sum + (c.values[s.key] ?? 0), 0));
  const y = scaleLinear()
    .domain([0, Math.max(...totals, 1)])
    .nice();
  const top = y.domain()[1] ?? 1;
  const pct = (v: number) => `${(v / top) * 100}%`;
  const ticks = y.ticks(4).filter((t) => Number.isInteger(t));
  return (
    <div className="max-w-xl">
      <div role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid={`chart-${id}`}>
        <span id={`${id}-title`} hidden>
          {title}
        </span>
        <span id={`${id}-desc`} hidden>
          {description}
        </span>
        <div className="flex gap-2 text-xs text-slate-700">
          <div className="relative w-8 shrink-0">
            {ticks.map((t) => (
              <span key={t} className="absolute right-0 translate-y-1/2 tabular-nums" style={{ bottom: pct(t) }}>
                {t}
              </span>
            ))}
          </div>
          <div className="min-w-0 flex-1">
            <div className="relative h-48 border-b border-slate-400">
              {ticks.map((t) => (
                <div key={t} className="absolute inset-x-0 border-t border-slate-200" style={{ bottom: pct(t) }} />
              ))}
              <div className="absolute inset-0 flex items-end justify-around gap-2 px-1">
                {columns.map((c, i) => (
                  <div key={c.key} className="flex w-full max-w-16 flex-col-reverse" style={{ height: pct(totals[i] ?? 0) }}>
                    {series.map((s) => {
                      const v = c.values[s.key] ?? 0;
                      return v > 0 ? <div key={s.key} className={s.colorClass} style={{ height: `${(v / (totals[i] || 1)) * 100}%` }} /> : null;
                    })}
                  </div>
                ))}
              </div>
            </div>
            <div className="flex justify-around gap-2 px-1 pt-1">
              {columns.map((c) => (
                <span key={c.key} className="w-full max-w-16 text-center tabular-nums">
                  {c.label}
                </span>
              ))}
            </div>
          </div>
        </div>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className={`inline-block h-3 w-3 ${s.colorClass}`} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
