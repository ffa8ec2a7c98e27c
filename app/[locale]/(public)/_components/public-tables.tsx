import { getLocale, getTranslations } from 'next-intl/server';
import { ContractStatusBadge } from '@/app/_components/status-badge';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { PublicAcceptedDeliverable, PublicContractListItem, PublicEvaluation } from '@/lib/public/dto';
import { localized } from './localized';
import { ZhText } from './zh-text';

export const tableClass = 'min-w-full text-left text-sm';
export const headClass = 'border-b border-slate-300 text-slate-700';
export const rowClass = 'border-b border-slate-100 align-top';
export const cellClass = 'py-2 pr-3';

/** Published contracts with links to the contract, matter and contractor pages. */
export async function PublicContractTable({ contracts, caption, show = ['matter', 'contractor'] }: { contracts: PublicContractListItem[]; caption: string; show?: ('matter' | 'contractor')[] }) {
  const t = await getTranslations('public.fields');
  const locale = await getLocale();
  if (contracts.length === 0) return <p className="text-sm text-slate-600">{t('noContracts')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className={headClass}>
          <tr>
            <th scope="col" className={cellClass}>{t('reference')}</th>
            {show.includes('matter') ? <th scope="col" className={cellClass}>{t('matter')}</th> : null}
            {show.includes('contractor') ? <th scope="col" className={cellClass}>{t('contractor')}</th> : null}
            <th scope="col" className={`${cellClass} text-right`}>{t('value')}</th>
            <th scope="col" className={`${cellClass} text-right`}>{t('paid')}</th>
            <th scope="col" className={cellClass}>{t('period')}</th>
            <th scope="col" className="py-2">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((c) => (
            <tr key={c.reference} className={rowClass} data-testid="public-contract-row">
              <td className={`${cellClass} whitespace-nowrap font-mono`}>
                <Link href={`/contracts/${c.reference}`} className="text-brand-700 underline">
                  {c.reference}
                </Link>
              </td>
              {show.includes('matter') ? (
                <td className={cellClass}>
                  <Link href={`/matters/${c.matter.code}`} className="text-brand-700 underline">
                    {localized(locale, c.matter.titleZh, c.matter.titleEn)}
                  </Link>
                </td>
              ) : null}
              {show.includes('contractor') ? (
                <td className={cellClass}>
                  <Link href={`/contractors/${c.contractor.id}`} className="text-brand-700 underline">
                    {localized(locale, c.contractor.nameZh, c.contractor.nameEn)}
                  </Link>
                </td>
              ) : null}
              <td className={`${cellClass} whitespace-nowrap text-right tabular-nums`}>{formatFen(c.valueFen, locale)}</td>
              <td className={`${cellClass} whitespace-nowrap text-right tabular-nums`}>{formatFen(c.amountPaidFen, locale)}</td>
              <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                {c.startDate} – {c.endDate}
              </td>
              <td className="py-2">
                <ContractStatusBadge status={c.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function AcceptedDeliverableTable({ deliverables, caption, showContract }: { deliverables: PublicAcceptedDeliverable[]; caption: string; showContract: boolean }) {
  const t = await getTranslations('public.fields');
  if (deliverables.length === 0) return <p className="text-sm text-slate-600">{t('noDeliverables')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className={headClass}>
          <tr>
            {showContract ? <th scope="col" className={cellClass}>{t('reference')}</th> : null}
            <th scope="col" className={cellClass}>{t('deliverableTitle')}</th>
            <th scope="col" className={cellClass}>{t('period')}</th>
            <th scope="col" className="py-2">{t('acceptedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {deliverables.map((d, i) => (
            <tr key={`${d.contractReference}-${i}`} className={rowClass} data-testid="deliverable-row">
              {showContract ? <td className={`${cellClass} whitespace-nowrap font-mono`}>{d.contractReference}</td> : null}
              <td className={cellClass}>
                <ZhText>{d.title}</ZhText>
              </td>
              <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                {d.periodStart} – {d.periodEnd}
              </td>
              <td className="py-2 whitespace-nowrap tabular-nums">{d.acceptedOn ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function EvaluationTable({ evaluations, caption, showContract }: { evaluations: PublicEvaluation[]; caption: string; showContract: boolean }) {
  const t = await getTranslations('public');
  if (evaluations.length === 0) return <p className="text-sm text-slate-600">{t('fields.noEvaluations')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className={headClass}>
          <tr>
            {showContract ? <th scope="col" className={cellClass}>{t('fields.reference')}</th> : null}
            <th scope="col" className={cellClass}>{t('fields.evaluator')}</th>
            <th scope="col" className={cellClass}>{t('fields.period')}</th>
            <th scope="col" className={`${cellClass} text-right`}>{t('fields.score')}</th>
            <th scope="col" className={cellClass}>{t('fields.grade')}</th>
            <th scope="col" className="py-2">{t('fields.indicatorScores')}</th>
          </tr>
        </thead>
        <tbody>
          {evaluations.map((e, i) => (
            <tr key={`${e.contractReference}-${i}`} className={rowClass} data-testid="evaluation-row">
              {showContract ? (
                <td className={`${cellClass} whitespace-nowrap font-mono`}>
                  <Link href={`/contracts/${e.contractReference}`} className="text-brand-700 underline">
                    {e.contractReference}
                  </Link>
                </td>
              ) : null}
              <td className={cellClass}>{t(`evaluatorKind.${e.evaluatorKind}`)}</td>
              <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                {e.periodStart} – {e.periodEnd}
              </td>
              <td className={`${cellClass} text-right tabular-nums`}>{e.overallScore}</td>
              <td className={cellClass}>{t(`grade.${e.grade}`)}</td>
              <td className="py-2 text-xs text-slate-700">
                {Object.entries(e.scores)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
