import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/app/_components/data-table';
import { ContractStatusBadge } from '@/app/_components/status-badge';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { PublicAcceptedDeliverable, PublicContractListItem, PublicEvaluation } from '@/lib/public/dto';
import { localized } from './localized';
import { ZhText } from './zh-text';

/** Published contracts with links to the contract, matter and contractor pages. */
export async function PublicContractTable({ contracts, caption, show = ['matter', 'contractor'] }: { contracts: PublicContractListItem[]; caption: string; show?: ('matter' | 'contractor')[] }) {
  const t = await getTranslations('public.fields');
  const locale = await getLocale();
  return (
    <DataTable
      rows={contracts}
      caption={caption}
      rowKey={(c) => c.reference}
      rowTestId="public-contract-row"
      empty={t('noContracts')}
      columns={[
        {
          header: t('reference'),
          rowHeader: true,
          nowrap: true,
          className: 'font-mono',
          cell: (c) => (
            <Link href={`/contracts/${c.reference}`} className="text-brand-700 underline">
              {c.reference}
            </Link>
          ),
        },
        show.includes('matter') && {
          header: t('matter'),
          cell: (c) => (
            <Link href={`/matters/${c.matter.code}`} className="text-brand-700 underline">
              {localized(locale, c.matter.titleZh, c.matter.titleEn)}
            </Link>
          ),
        },
        show.includes('contractor') && {
          header: t('contractor'),
          cell: (c) => (
            <Link href={`/contractors/${c.contractor.id}`} className="text-brand-700 underline">
              {localized(locale, c.contractor.nameZh, c.contractor.nameEn)}
            </Link>
          ),
        },
        { header: t('value'), numeric: true, cell: (c) => formatFen(c.valueFen, locale) },
        { header: t('paid'), numeric: true, cell: (c) => formatFen(c.amountPaidFen, locale) },
        { header: t('period'), nowrap: true, className: 'tabular-nums', cell: (c) => `${c.startDate} – ${c.endDate}` },
        { header: t('status'), status: true, cell: (c) => <ContractStatusBadge status={c.status} /> },
      ]}
    />
  );
}

export async function AcceptedDeliverableTable({ deliverables, caption, showContract }: { deliverables: PublicAcceptedDeliverable[]; caption: string; showContract: boolean }) {
  const t = await getTranslations('public.fields');
  return (
    <DataTable
      rows={deliverables}
      caption={caption}
      rowKey={(d, i) => `${d.contractReference}-${i}`}
      rowTestId="deliverable-row"
      empty={t('noDeliverables')}
      columns={[
        showContract && { header: t('reference'), nowrap: true, className: 'font-mono', cell: (d) => d.contractReference },
        { header: t('deliverableTitle'), rowHeader: true, cell: (d) => <ZhText>{d.title}</ZhText> },
        { header: t('period'), nowrap: true, className: 'tabular-nums', cell: (d) => `${d.periodStart} – ${d.periodEnd}` },
        { header: t('acceptedOn'), nowrap: true, className: 'tabular-nums', cell: (d) => d.acceptedOn ?? '—' },
      ]}
    />
  );
}

export async function EvaluationTable({ evaluations, caption, showContract }: { evaluations: PublicEvaluation[]; caption: string; showContract: boolean }) {
  const t = await getTranslations('public');
  return (
    <DataTable
      rows={evaluations}
      caption={caption}
      rowKey={(e, i) => `${e.contractReference}-${i}`}
      rowTestId="evaluation-row"
      empty={t('fields.noEvaluations')}
      columns={[
        showContract && {
          header: t('fields.reference'),
          nowrap: true,
          className: 'font-mono',
          cell: (e) => (
            <Link href={`/contracts/${e.contractReference}`} className="text-brand-700 underline">
              {e.contractReference}
            </Link>
          ),
        },
        { header: t('fields.evaluator'), cell: (e) => t(`evaluatorKind.${e.evaluatorKind}`) },
        { header: t('fields.period'), nowrap: true, className: 'tabular-nums', cell: (e) => `${e.periodStart} – ${e.periodEnd}` },
        { header: t('fields.score'), numeric: true, cell: (e) => e.overallScore },
        { header: t('fields.grade'), status: true, cell: (e) => t(`grade.${e.grade}`) },
        {
          header: t('fields.indicatorScores'),
          className: 'text-xs text-slate-700',
          cell: (e) =>
            Object.entries(e.scores)
              .map(([k, v]) => `${k} ${v}`)
              .join(' · '),
        },
      ]}
    />
  );
}
