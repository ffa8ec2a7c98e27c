export type Bar = { key: string; label: string; value: number; display: string };

/**
 * Horizontal bars, one row per item: the label above its bar and the value at the end of it. The bars are
 * boxes sized in percent and every label is HTML text at the page's own sizes (14 px), so the text stays
 * readable at any width instead of scaling with a drawing (12 px at least, at 360 as at 1280 px; docs/formats.md).
 * Server-rendered, no JavaScript; the title and description are its text alternative, and the page shows
 * the same numbers in a table right under it.
 */
export function BarChart({ id, title, description, bars }: { id: string; title: string; description: string; bars: Bar[] }) {
  const max = Math.max(...bars.map((b) => b.value), 1);
  return (
    <div role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid={`chart-${id}`} className="max-w-xl space-y-2">
      <span id={`${id}-title`} hidden>
        {title}
      </span>
      <span id={`${id}-desc`} hidden>
        {description}
      </span>
      {bars.map((b) => (
        <div key={b.key} className="text-sm text-slate-800">
          <div>{b.label}</div>
          <div className="flex items-center gap-2">
            <div className="h-4 rounded-sm bg-brand-700" style={{ flexBasis: `${(b.value / max) * 60}%`, minWidth: b.value > 0 ? 2 : 0 }} />
            <span className="shrink-0 whitespace-nowrap tabular-nums">{b.display}</span>
          </div>
        </div>
      ))}
    </div>
  );
}
