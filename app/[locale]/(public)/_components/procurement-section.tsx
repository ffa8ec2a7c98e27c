import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/app/_components/data-table';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { PublicProcurement } from '@/lib/procurement/read';
import { DefinitionList } from './definition-list';
import { ZhText } from './zh-text';

/** "How it was chosen" on a public contract page: method, period, bidders and the red flags it raised. */
export async function ProcurementSection({ procurement: p, locale }: { procurement: PublicProcurement | null; locale: string }) {
  const t = await getTranslations('procurement');
  return (
    <section aria-labelledby="contract-procurement" className="space-y-3" data-testid="procurement">
      <h2 id="contract-procurement" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      {!p ? (
        <p className="text-sm text-slate-600">{t('notRecorded')}</p>
      ) : (
        <>
          <DefinitionList
            items={[
              { label: t('method'), value: t(`methods.${p.method}`), testId: 'procurement-method' },
              ...(p.singleSourceGround ? [{ label: t('ground'), value: t(`grounds.${p.singleSourceGround}`) }] : []),
              ...(p.justification ? [{ label: t('justification'), value: <ZhText>{p.justification}</ZhText> }] : []),
              ...(p.noticeDate ? [{ label: t('noticeDate'), value: p.noticeDate }] : []),
              ...(p.bidDeadline ? [{ label: t('bidDeadline'), value: p.bidDeadline }] : []),
              ...(p.submissionPeriod
                ? [{ label: t('period'), value: t('periodValue', { days: p.submissionPeriod.days, minimum: p.submissionPeriod.minimum, unit: p.submissionPeriod.unit }), testId: 'procurement-period' }]
                : []),
              ...(p.evaluationMethod ? [{ label: t('evaluation'), value: t(`evaluationMethods.${p.evaluationMethod}`) }] : []),
              ...(p.numberOfTenderers !== null ? [{ label: t('tenderers'), value: String(p.numberOfTenderers), testId: 'procurement-tenderers' }] : []),
              ...(p.procurementNoticeUrl ? [{ label: t('procurementNotice'), value: <a href={p.procurementNoticeUrl} className="break-all text-brand-700 underline" rel="noopener noreferrer">{p.procurementNoticeUrl}</a> }] : []),
              ...(p.awardNoticeUrl ? [{ label: t('awardNotice'), value: <a href={p.awardNoticeUrl} className="break-all text-brand-700 underline" rel="noopener noreferrer">{p.awardNoticeUrl}</a> }] : []),
            ]}
          />
          {p.warnings.length > 0 && (
            <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="procurement-flags">
              <p className="font-medium">{t('flagsHeading')}</p>
              <ul className="list-disc pl-5">
                {p.warnings.map((w) => (
                  <li key={w.code}>{t(`warnings.${w.code}`, w.params ?? {})}</li>
                ))}
              </ul>
            </div>
          )}
          {p.tenderers.length > 0 && (
            <DataTable
              rows={p.tenderers}
              caption={t('bidders')}
              rowKey={(_b, i) => i}
              rowTestId="bidder-row"
              empty={t('none')}
              columns={[
                {
                  header: t('bidder'),
                  cell: (b) =>
                    b.contractorId ? (
                      <Link href={`/contractors/${b.contractorId}`} className="text-brand-700 underline">
                        <ZhText>{b.name}</ZhText>
                      </Link>
                    ) : (
                      <ZhText>{b.name}</ZhText>
                    ),
                },
                { header: t('bid'), numeric: true, cell: (b) => (b.bidFen === null ? '—' : formatFen(b.bidFen, locale)) },
                { header: t('outcome'), cell: (b) => (b.awarded ? t('awarded') : t('notAwarded')) },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
