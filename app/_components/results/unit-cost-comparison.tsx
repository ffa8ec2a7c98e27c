import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/app/_components/data-table';
import { formatFen, formatMeasure } from '@/lib/format';
import type { PooledUnitCost } from '@/lib/results/unit-cost';

export type UnitCostGroup = { key: string; label: string } & PooledUnitCost;

/**
 * A matter's cost per result compared across groups of its contracts — by start year, or by contractor
 * (`byYear` / `byContractor` of matterUnitCost, lib/results/unit-cost.ts, each given a label) — with the
 * amount paid and the accepted result each figure comes from, or why a group has none. On the shared
 * DataTable (cards on phones). `unitLabel`: the main indicator's unit in the reader's language.
 */
export function UnitCostComparison({ groups, caption, groupHeader, unitLabel, testId = 'unit-cost-comparison' }: { groups: readonly UnitCostGroup[]; caption: string; groupHeader: string; unitLabel: string; testId?: string }) {
  const t = useTranslations('results');
  const locale = useLocale();
  const dash = '—';
  return (
    <DataTable
      rows={groups}
      rowKey={(g) => g.key}
      rowTestId={`${testId}-row`}
      testId={testId}
      caption={caption}
      showCaption
      columns={[
        { header: groupHeader, cell: (g) => g.label, rowHeader: true },
        { header: t('contractsPooled'), cell: (g) => t('mattersOf', { compared: g.counted.length, total: g.counted.length + g.leftOut.length }), numeric: true },
        { header: t('paid'), cell: (g) => (g.cost.status === 'ok' ? formatFen(g.cost.paidFen, locale) : dash), numeric: true },
        { header: t('acceptedResult'), cell: (g) => (g.cost.status === 'ok' ? `${formatMeasure(g.cost.result, locale)} ${unitLabel}` : dash), numeric: true },
        { header: t('unitCostHeading'), cell: (g) => (g.cost.status === 'ok' ? t('perUnit', { cost: formatFen(g.cost.fenPerUnit, locale), unit: unitLabel }) : t(`noFigure.${g.cost.status}`)), numeric: true },
      ]}
    />
  );
}
