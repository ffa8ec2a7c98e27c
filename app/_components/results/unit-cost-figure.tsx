import { useLocale, useTranslations } from 'next-intl';
import { formatFen, formatMeasure } from '@/lib/format';
import type { Indicator } from '@/lib/results/types';
import type { UnitCost } from '@/lib/results/unit-cost';

/**
 * What a result costs — one contract's, or a matter's contracts pooled — with its method stated beside the
 * figure, or why there is no figure. Props: `cost` from contractUnitCost / matterUnitCost (lib/results/
 * unit-cost.ts), the matter's main output indicator, its unit's label in the reader's language (singular:
 * "enterprise", 家), and for a matter how many contracts were pooled and left out.
 */
export function UnitCostFigure({
  cost,
  indicator,
  unitLabel,
  pooled,
  headingId = 'unit-cost-heading',
}: {
  cost: UnitCost;
  indicator: Indicator | null;
  unitLabel: string;
  pooled?: { counted: number; leftOut: number };
  headingId?: string;
}) {
  const t = useTranslations('results');
  const locale = useLocale();
  const indicatorName = indicator ? (locale === 'zh-CN' ? indicator.nameZh : indicator.nameEn) : '';
  return (
    <section aria-labelledby={headingId} className="max-w-xl space-y-1 rounded-lg border border-slate-200 bg-white p-4" data-testid="unit-cost">
      <h3 id={headingId} className="text-sm font-medium text-slate-600">
        {t('unitCostHeading')}
      </h3>
      {cost.status === 'ok' ? (
        <>
          <p className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="unit-cost-value">
            {t('perUnit', { cost: formatFen(cost.fenPerUnit, locale), unit: unitLabel })}
          </p>
          <p className="text-sm text-slate-700" data-testid="unit-cost-method">
            {t('unitCostMethod', { paid: formatFen(cost.paidFen, locale), indicator: indicatorName, result: formatMeasure(cost.result, locale), unit: unitLabel, cost: formatFen(cost.fenPerUnit, locale) })}
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-700" data-testid="unit-cost-none">
          {cost.status === 'no_results'
            ? t('unitCostNoResults', { paid: formatFen(cost.paidFen, locale), indicator: indicatorName })
            : cost.status === 'nothing_paid'
              ? t('unitCostNothingPaid', { indicator: indicatorName, result: formatMeasure(cost.result, locale), unit: unitLabel })
              : cost.status === 'not_a_count'
                ? t('unitCostNotACount', { indicator: indicatorName })
                : t('unitCostNoIndicator')}
        </p>
      )}
      {pooled && <p className="text-sm text-slate-600">{t('unitCostPooled', { counted: pooled.counted, leftOut: pooled.leftOut })}</p>}
    </section>
  );
}
