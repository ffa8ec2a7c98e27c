import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DataTable } from '@/app/_components/data-table';
import { Section } from '@/app/_components/section';
import { formatShare } from '@/lib/format';
import type { IndicatorProgress } from '@/lib/results/queries';
import { formatUnitValue, indicatorName } from '@/lib/results/options';
import { progressStatuses } from '@/lib/results/adapt';
import { unitName } from '@/lib/results/units';
import type { Term } from '@/lib/results/types';
import { AttainmentBadge } from '@/app/_components/results/attainment-badge';

/**
 * A contract's targets and results so far, per indicator (`contractResults`, lib/results/queries.ts): name,
 * unit, target, accepted result and its share of the target. Staff and public contract pages.
 *
 * `status`: a spot for the on-track / behind judgement (against the elapsed share of the term) that
 * lib/results/attainment.ts computes; when given, it is shown as an extra column, per indicator id.
 */
export async function ContractProgressTable({ progress, locale, status }: { progress: readonly IndicatorProgress[]; locale: string; status?: (row: IndicatorProgress) => ReactNode }) {
  const t = await getTranslations('results');
  if (progress.length === 0) return null;
  return (
    <Section headingId="progress-heading" title={t('progressHeading')} className="space-y-2" data-testid="contract-progress">
      <p className="text-sm text-slate-600">{t('progressIntro')}</p>
      <DataTable
        rows={progress}
        rowKey={(r) => r.indicator.id}
        rowTestId="progress-row"
        caption={t('progressHeading')}
        columns={[
          {
            header: t('name'),
            rowHeader: true,
            cell: (r) => {
              const name = indicatorName(r.indicator, locale);
              return <span lang={name.lang}>{name.text}</span>;
            },
          },
          // unitName, not the code: households, enterprises, cases and times share UN/CEFACT C62.
          { header: t('unit'), nowrap: true, cell: (r) => unitName(r.unit, locale) },
          { header: t('target'), numeric: true, cell: (r) => (r.target === null ? t('noTarget') : formatUnitValue(r.target, r.unit, locale)) },
          {
            header: t('result'),
            numeric: true,
            cell: (r) => (r.result === null ? t('noResult') : `${formatUnitValue(r.result, r.unit, locale)}`),
          },
          { header: t('share'), numeric: true, cell: (r) => (r.target === null || r.result === null ? '—' : formatShare(r.result, r.target, locale)) },
          { header: t('aggregation'), nowrap: true, cell: (r) => t(r.aggregation === 'sum' ? 'aggregationSum' : 'aggregationLatest') },
          status ? { header: t('progressColumn'), cell: status } : null,
        ]}
      />
    </Section>
  );
}

/**
 * The on track / behind column of ContractProgressTable: each indicator's status from `contractAttainment`
 * (lib/results/attainment.ts, through lib/results/adapt.ts) against the elapsed share of the term at `asOf`,
 * as an AttainmentBadge.
 */
export function attainmentColumn(progress: readonly IndicatorProgress[], term: Term, asOf: string): (row: IndicatorProgress) => ReactNode {
  const statuses = progressStatuses(progress, term, asOf);
  return function AttainmentCell(row) {
    const status = statuses.get(row.indicator.code);
    return status ? <AttainmentBadge status={status} /> : null;
  };
}
