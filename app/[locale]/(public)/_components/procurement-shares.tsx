import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/app/_components/data-table';
import { procurementMethods } from '@/lib/domain/enums';
import { formatFen, formatNumber, formatShare } from '@/lib/format';
import type { ProcurementFigures } from '@/lib/public/procurement-queries';
import { MethodShareChart } from './method-share-chart';

/**
 * How the published contracts in scope were awarded: per method the contracts, their value and its share
 * (a bar drawn in HTML, so its text keeps its size on any screen), then the red flags' shares.
 */
export async function ProcurementShares({ figures: f, locale, headingId, heading, chart = false }: { figures: ProcurementFigures; locale: string; headingId: string; heading: string; chart?: boolean }) {
  const t = await getTranslations('procurement');
  const rows = procurementMethods.filter((m) => f.byMethod[m].contracts > 0).map((m) => ({ method: m, ...f.byMethod[m] }));
  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid="procurement-shares">
      <h2 id={headingId} className="text-lg font-semibold">
        {heading}
      </h2>
      {f.recorded.contracts === 0 ? (
        <p className="text-sm text-slate-600">{t('sharesNone')}</p>
      ) : (
        <>
          {chart ? (
            <MethodShareChart
              id="value-by-method"
              title={t('chartValueByMethod')}
              description={rows.map((r) => `${t(`methods.${r.method}`)}: ${formatShare(r.valueFen, f.recorded.valueFen, locale)}`).join(locale === 'en' ? '; ' : '；')}
              shares={rows.map((r) => ({ key: r.method, label: t(`methods.${r.method}`), valueFen: r.valueFen, share: formatShare(r.valueFen, f.recorded.valueFen, locale) }))}
            />
          ) : null}
          <DataTable
            rows={rows}
            caption={heading}
            rowKey={(r) => r.method}
            rowTestId="method-share"
            empty={t('none')}
            columns={[
              { header: t('method'), cell: (r) => t(`methods.${r.method}`) },
              { header: t('contracts'), numeric: true, cell: (r) => formatNumber(r.contracts, locale) },
              { header: t('value'), numeric: true, cell: (r) => formatFen(r.valueFen, locale) },
              {
                header: t('shareOfValue'),
                cell: (r) => (
                  <span className="flex items-center gap-2">
                    <span className="inline-block h-2 rounded bg-brand-700" style={{ width: `${Math.max(2, Math.round((r.valueFen / f.recorded.valueFen) * 80))}px` }} aria-hidden />
                    <span className="tabular-nums">{formatShare(r.valueFen, f.recorded.valueFen, locale)}</span>
                  </span>
                ),
              },
            ]}
          />
          <p className="text-sm text-slate-700" data-testid="single-source-share">
            {t('singleSourceShare', { share: formatShare(f.byMethod.single_source.valueFen, f.recorded.valueFen, locale) })}
          </p>
          <p className="text-sm text-slate-700" data-testid="single-bidder-share">
            {t('singleBidderShare', { share: formatShare(f.singleBidder.valueFen, f.recorded.valueFen, locale), contracts: f.singleBidder.contracts })}
          </p>
          <p className="text-sm text-slate-700">{t('shortPeriodCount', { contracts: f.shortPeriod.contracts })}</p>
          <p className="text-xs text-slate-600">{t('sharesMethod')}</p>
        </>
      )}
    </section>
  );
}
