import { scaleBand, scaleLinear } from 'd3-scale';

export type Bar = { key: string; label: string; value: number; display: string };

const WIDTH = 400;
const ROW = 44;
const PAD = 8;

/**
 * Horizontal bars, one row per item: the label above its bar and the value at the end of it, so the
 * chart stays legible when scaled down to a 360 px phone. Server-rendered SVG; the title and description
 * are its text alternative, and the page shows the same numbers in a table right under it.
 */
export function BarChart({ id, title, description, bars }: { id: string; title: string; description: string; bars: Bar[] }) {
  const height = Math.max(bars.length * ROW + PAD * 2, ROW);
  const max = Math.max(...bars.map((b) => b.value), 1);
  const x = scaleLinear().domain([0, max]).range([0, WIDTH * 0.68]);
  const y = scaleBand<string>()
    .domain(bars.map((b) => b.key))
    .range([PAD, height - PAD])
    .paddingInner(0.1);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full max-w-xl" role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid={`chart-${id}`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((b) => {
        const top = y(b.key) ?? 0;
        const barWidth = Math.max(x(b.value), b.value > 0 ? 2 : 0);
        return (
          <g key={b.key}>
            <text x={0} y={top + 14} className="fill-slate-800" fontSize={14}>
              {b.label}
            </text>
            <rect x={0} y={top + 20} width={barWidth} height={16} rx={2} className="fill-brand-700" />
            <text x={barWidth + 6} y={top + 33} className="fill-slate-800" fontSize={13}>
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
