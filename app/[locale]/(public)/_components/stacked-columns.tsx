import { scaleBand, scaleLinear } from 'd3-scale';

export type Series = { key: string; label: string; colorClass: string };
export type Column = { key: string; label: string; values: Record<string, number> };

const WIDTH = 400;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 8, bottom: 28, left: 36 };

/** Stacked columns (e.g. contracts by status per start year) with a legend; same accessibility contract as BarChart. */
export function StackedColumns({ id, title, description, series, columns }: { id: string; title: string; description: string; series: Series[]; columns: Column[] }) {
  const totals = columns.map((c) => series.reduce((sum, s) => sum + (c.values[s.key] ?? 0), 0));
  const y = scaleLinear()
    .domain([0, Math.max(...totals, 1)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const x = scaleBand<string>()
    .domain(columns.map((c) => c.key))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.25);
  const ticks = y.ticks(4).filter((t) => Number.isInteger(t));
  return (
    <div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-xl" role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid={`chart-${id}`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} className="stroke-slate-200" />
            <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end" fontSize={12} className="fill-slate-700">
              {t}
            </text>
          </g>
        ))}
        {columns.map((c) => {
          let base = 0;
          return (
            <g key={c.key}>
              {series.map((s) => {
                const v = c.values[s.key] ?? 0;
                const top = y(base + v);
                const rect = <rect key={s.key} x={x(c.key)} y={top} width={x.bandwidth()} height={y(base) - top} className={s.colorClass} />;
                base += v;
                return rect;
              })}
              <text x={(x(c.key) ?? 0) + x.bandwidth() / 2} y={HEIGHT - 8} textAnchor="middle" fontSize={12} className="fill-slate-700">
                {c.label}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" className={s.colorClass} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
