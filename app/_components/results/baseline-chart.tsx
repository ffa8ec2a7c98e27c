import { scaleLinear } from 'd3-scale';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/app/_components/data-table';
import { formatFen, formatMoney } from '@/lib/format';
import type { BaselineTotal } from '@/lib/results/unit-cost';

export type DepartmentBaseline = { key: string; name: string } & BaselineTotal;

/**
 * "Money instead of staff": per department, what the contracts of its matters with an in-house baseline
 * cost in a year against what the staff would cost, then the city; the method is stated under the chart
 * and the same numbers, exact, are in the table. Props: the year, the departments' totals of
 * baselineByDepartment (lib/results/unit-cost.ts) with their names in the reader's language, and the city's.
 *
 * The bars are hand-written SVG, sized with d3-scale in percent of the row (an SVG without a viewBox, so
 * nothing in it scales); every label is HTML text at the page's sizes (14 px, at least 12 at any width —
 * docs/formats.md), beside the drawing, never inside it. Departments without any baseline have no bars: the
 * table says so.
 */
export function BaselineChart({ id = 'baseline', year, departments, city }: { id?: string; year: number; departments: readonly DepartmentBaseline[]; city: BaselineTotal }) {
  const t = useTranslations('results');
  const locale = useLocale();
  const compared = departments.filter((d) => d.mattersCompared > 0);
  const x = scaleLinear()
    .domain([0, Math.max(1, ...compared.flatMap((d) => [d.comparedContractsFen, d.baselineFen]))])
    .range([0, 100]);
  const bar = (fen: number, className: string) => (
    <svg className="block h-3 min-w-0 flex-1" aria-hidden="true" focusable="false">
      <rect x="0" y="0" height="100%" width={`${x(fen)}%`} className={className} />
    </svg>
  );
  return (
    <div className="space-y-3" data-testid={`chart-${id}`}>
      {compared.length === 0 ? (
        <p className="text-sm text-slate-600">{t('baselineNone')}</p>
      ) : (
        <div role="img" aria-labelledby={`${id}-title ${id}-desc`} className="max-w-xl space-y-3">
          <span id={`${id}-title`} hidden>
            {t('baselineTitle', { year })}
          </span>
          <span id={`${id}-desc`} hidden>
            {t('baselineDescription', { year, contracts: formatMoney(city.comparedContractsFen, locale), baseline: formatMoney(city.baselineFen, locale), matters: city.mattersCompared })}
          </span>
          {compared.map((d) => (
            <div key={d.key} className="space-y-1 text-sm text-slate-800" data-testid={`${id}-department`}>
              <div>{d.name}</div>
              <div className="flex items-center gap-2">
                {bar(d.comparedContractsFen, 'fill-brand-700')}
                <span className="w-32 shrink-0 tabular-nums">{formatMoney(d.comparedContractsFen, locale)}</span>
              </div>
              <div className="flex items-center gap-2">
                {bar(d.baselineFen, 'fill-slate-400')}
                <span className="w-32 shrink-0 tabular-nums">{formatMoney(d.baselineFen, locale)}</span>
              </div>
            </div>
          ))}
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
            <li className="flex items-center gap-1.5">
              <span className="inline-block h-3 w-3 bg-brand-700" />
              {t('contractsSeries')}
            </li>
            <li className="flex items-center gap-1.5">
              <span className="inline-block h-3 w-3 bg-slate-400" />
              {t('baselineSeries')}
            </li>
          </ul>
        </div>
      )}
      <p className="max-w-3xl text-sm text-slate-600">{t('baselineMethod', { year })}</p>
      <DataTable
        rows={[...departments, { key: 'city', name: t('city'), ...city }]}
        rowKey={(d) => d.key}
        rowTestId={`${id}-row`}
        caption={t('baselineTableCaption', { year })}
        columns={[
          { header: t('department'), cell: (d) => d.name, rowHeader: true },
          { header: t('mattersCompared'), cell: (d) => t('mattersOf', { compared: d.mattersCompared, total: d.matters }), numeric: true },
          { header: t('contractsCost'), cell: (d) => (d.mattersCompared > 0 ? formatFen(d.comparedContractsFen, locale) : t('noBaseline')), numeric: true },
          { header: t('baselineCost'), cell: (d) => (d.mattersCompared > 0 ? formatFen(d.baselineFen, locale) : t('noBaseline')), numeric: true },
          { header: t('difference'), cell: (d) => (d.mattersCompared > 0 ? formatFen(d.differenceFen, locale) : '—'), numeric: true },
          { header: t('notCompared'), cell: (d) => formatFen(d.uncomparedContractsFen, locale), numeric: true },
        ]}
      />
    </div>
  );
}
