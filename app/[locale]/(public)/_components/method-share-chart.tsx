import { scaleLinear } from 'd3-scale';

export type MethodShare = { key: string; label: string; valueFen: number; share: string };

/** One colour per method, in the order of lib/domain/enums' procurementMethods (contrast ≥ 3:1 on white). */
const COLOURS = ['#1d4ed8', '#0f766e', '#7c3aed', '#b45309', '#be123c', '#4d7c0f', '#475569'];

/**
 * Share of contract value by procurement method: one bar, drawn in SVG (positions from a d3 scale), split by
 * method. The drawing holds no text: the legend beside it is HTML at the page's own sizes (14 px), so every
 * label stays readable at any width (docs/formats.md). Server-rendered; the title and description are its
 * text alternative, and the table above it shows the same figures.
 */
export function MethodShareChart({ id, title, description, shares }: { id: string; title: string; description: string; shares: MethodShare[] }) {
  const total = shares.reduce((sum, s) => sum + s.valueFen, 0);
  const x = scaleLinear()
    .domain([0, Math.max(total, 1)])
    .range([0, 100]);
  // Each segment starts where the ones before it end.
  const starts = shares.map((_, i) => shares.slice(0, i).reduce((sum, s) => sum + s.valueFen, 0));
  const segments = shares.map((s, i) => ({ ...s, x: x(starts[i]!), width: x(starts[i]! + s.valueFen) - x(starts[i]!), colour: COLOURS[i % COLOURS.length]! }));
  return (
    <div className="max-w-xl space-y-2">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid={`chart-${id}`} viewBox="0 0 100 10" preserveAspectRatio="none" className="block h-8 w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {segments.map((s) => (
          <rect key={s.key} x={s.x} y={0} width={s.width} height={10} fill={s.colour} data-method={s.key} />
        ))}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800" aria-hidden="true">
        {segments.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 shrink-0" style={{ backgroundColor: s.colour }} />
            {s.label} <span className="tabular-nums">{s.share}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
