import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/app/_components/data-table';
import { formatFen, formatNumber, formatShare } from '@/lib/format';
import type { ProcurementFigures } from '@/lib/public/procurement-queries';
import { localized } from './localized';

/** Per department: contracts, value, and the shares of value awarded by single source and with a single bidder. */
export async function ProcurementByDepartment({ rows, locale }: { rows: { code: string; nameZh: string; nameEn: string; figures: ProcurementFigures }[]; locale: string }) {
  const t = await getTranslations('procurement');
  return (
    <section aria-labelledby="procurement-departments-heading" className="space-y-3">
      <h2 id="procurement-departments-heading" className="text-lg font-semibold">
        {t('byDepartmentHeading')}
      </h2>
      <DataTable
        rows={rows}
        caption={t('byDepartmentHeading')}
        rowKey={(r) => r.code}
        rowTestId="department-procurement"
        empty={t('sharesNone')}
        columns={[
          { header: t('department'), cell: (r) => localized(locale, r.nameZh, r.nameEn) },
          { header: t('contracts'), numeric: true, cell: (r) => formatNumber(r.figures.recorded.contracts, locale) },
          { header: t('value'), numeric: true, cell: (r) => formatFen(r.figures.recorded.valueFen, locale) },
          { header: t('singleSource'), numeric: true, cell: (r) => formatShare(r.figures.byMethod.single_source.valueFen, r.figures.recorded.valueFen, locale) },
          { header: t('singleBidder'), numeric: true, cell: (r) => formatShare(r.figures.singleBidder.valueFen, r.figures.recorded.valueFen, locale) },
        ]}
      />
    </section>
  );
}
