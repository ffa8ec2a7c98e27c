import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DataTable } from '@/app/_components/data-table';
import { Section } from '@/app/_components/section';
import { formatShare } from '@/lib/format';
import type { IndicatorProgress } from '@/lib/results/queries';
import { formatUnitValue, indicatorName } from '@/lib/results/options';

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
          { header: t('unit'), nowrap: true, cell: (r) => t(`units.${r.unit}`) },
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
