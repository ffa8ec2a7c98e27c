import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable } from '@/app/_components/data-table';
import { ContractStatusBadge } from '@/app/_components/status-badge';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { getCachedPublicContract, getCachedPublicContractResults } from '@/lib/public/cached';
import { DefinitionList } from '../../_components/definition-list';
import { localized } from '../../_components/localized';
import { ZhText } from '../../_components/zh-text';
import { AcceptedDeliverableTable, EvaluationTable } from '../../_components/public-tables';
import { ProcurementSection } from '../../_components/procurement-section';
import { attainmentColumn, ContractProgressTable } from '@/app/_components/contract-progress';
import { todayInShanghai } from '@/lib/shared/time';
import { ReportErrorLink } from '../../_components/report-error-link';
import { Section } from '@/app/_components/section';
import { pageTitle } from '@/lib/i18n/page-title';
import { Colon, Parens } from '@/app/_components/punctuation';

// Rendered on first request, then served whole from Next's page cache (incremental static regeneration):
// a write that shows on a page expires it with its data (revalidatePublic, by the tags of lib/public/cache-tags.ts:
// other pages stay cached); the time limit is the same five-minute backstop for writes made outside the app. Nothing is
// rendered at build time (no parameters listed), so the build never reads a database.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, reference } = await params;
  const c = await getCachedPublicContract(reference);
  return c ? pageTitle(locale, 'contract', c.reference) : pageTitle(locale, 'notFound');
}

export default async function ContractPage({ params }: { params: Params }) {
  const { locale, reference } = await params;
  setRequestLocale(locale);
  const c = await getCachedPublicContract(reference);
  if (!c) notFound();
  const progress = (await getCachedPublicContractResults(c.reference)) ?? [];
  const t = await getTranslations('public');
  const tk = await getTranslations('contractorKind');

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">{t('contract.heading')}</p>
        <h1 className="font-mono text-2xl font-bold">{c.reference}</h1>
        <ContractStatusBadge status={c.status} />
      </header>

      <Section headingId="contract-facts" title={t('contract.facts')} className="space-y-3">
        <DefinitionList
          items={[
            {
              label: t('fields.matter'),
              value: (
                <Link href={`/matters/${c.matter.code}`} className="text-brand-700 underline">
                  {c.matter.code} {localized(locale, c.matter.titleZh, c.matter.titleEn)}
                </Link>
              ),
            },
            { label: t('fields.department'), value: localized(locale, c.department.nameZh, c.department.nameEn) },
            {
              label: t('fields.contractor'),
              value: (
                <>
                  <Link href={`/contractors/${c.contractor.id}`} className="text-brand-700 underline">
                    {localized(locale, c.contractor.nameZh, c.contractor.nameEn)}
                  </Link>{' '}
                  <span className="text-slate-600"><Parens>{tk(c.contractor.kind)}</Parens></span>
                </>
              ),
            },
            { label: t('fields.value'), value: formatFen(c.valueFen, locale), testId: 'contract-value' },
            { label: t('fields.paid'), value: formatFen(c.amountPaidFen, locale) },
            { label: t('fields.period'), value: `${c.startDate} – ${c.endDate}` },
            { label: t('fields.approvedOn'), value: c.approvedOn ?? '—' },
            ...(c.statusSince ? [{ label: t('fields.statusSince'), value: c.statusSince, testId: 'contract-status-since' }] : []),
            ...(c.statusReason ? [{ label: t('fields.statusReason'), value: <ZhText>{c.statusReason}</ZhText> }] : []),
            ...(c.justification ? [{ label: t('fields.justification'), value: <ZhText>{c.justification}</ZhText> }] : []),
            { label: t('fields.terms'), value: c.terms ? <ZhText>{c.terms}</ZhText> : '—' },
            ...(c.renewalOf
              ? [
                  {
                    label: t('fields.renewalOf'),
                    value: (
                      <Link href={`/contracts/${c.renewalOf}`} className="font-mono text-brand-700 underline">
                        {c.renewalOf}
                      </Link>
                    ),
                  },
                ]
              : []),
            ...(c.renewedBy.length
              ? [
                  {
                    label: t('fields.renewedBy'),
                    value: c.renewedBy.map((r) => (
                      <Link key={r} href={`/contracts/${r}`} className="mr-2 font-mono text-brand-700 underline">
                        {r}
                      </Link>
                    )),
                  },
                ]
              : []),
          ]}
        />
      </Section>

      <ProcurementSection procurement={c.procurement} locale={locale} />

      {/* Unit cost per indicator (lib/results/unit-cost.ts) is not shown here yet. */}
      <ContractProgressTable progress={progress} locale={locale} status={attainmentColumn(progress, { startDate: c.startDate, endDate: c.endDate }, todayInShanghai())} />

      <Section headingId="contract-milestones" title={t('fields.milestones')} className="space-y-3">
        <DataTable
          rows={c.milestones}
          caption={t('fields.milestones')}
          rowKey={(_m, i) => i}
          rowTestId="milestone-row"
          empty={t('fields.none')}
          columns={[
            { header: t('fields.title'), rowHeader: true, cell: (m) => <ZhText>{m.title}</ZhText> },
            { header: t('fields.type'), cell: (m) => t(`milestoneType.${m.type}`) },
            { header: t('fields.dueDate'), nowrap: true, className: 'tabular-nums', cell: (m) => m.dueDate },
            { header: t('fields.status'), status: true, cell: (m) => t(`milestoneStatus.${m.status}`) },
          ]}
        />
      </Section>

      <Section headingId="contract-payments" title={t('fields.payments')} className="space-y-3">
        <DataTable
          rows={c.payments}
          caption={t('fields.payments')}
          rowKey={(_p, i) => i}
          rowTestId="payment-row"
          empty={t('fields.none')}
          columns={[
            { header: t('fields.paidOn'), rowHeader: true, nowrap: true, className: 'tabular-nums', cell: (p) => p.paidOn },
            { header: t('fields.amount'), numeric: true, cell: (p) => formatFen(p.amountFen, locale) },
            { header: t('fields.milestone'), cell: (p) => (p.milestoneTitle ? <ZhText>{p.milestoneTitle}</ZhText> : '—') },
          ]}
        />
      </Section>

      <Section headingId="contract-amendments" title={t('fields.amendments')} className="space-y-3">
        {c.amendments.length === 0 ? (
          <p className="text-sm text-slate-600">{t('fields.none')}</p>
        ) : (
          <ol className="space-y-3">
            {c.amendments.map((a, i) => (
              <li key={i} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="amendment">
                <p className="font-medium">
                  {t('fields.rationale')}<Colon /><ZhText>{a.rationale}</ZhText>
                </p>
                <p className="text-slate-700">
                  {t('contract.amendmentChange', {
                    previousValue: formatFen(a.previousValueFen, locale),
                    newValue: formatFen(a.newValueFen, locale),
                    previousEnd: a.previousEndDate,
                    newEnd: a.newEndDate,
                  })}
                  {a.termsChanged ? ` ${t('contract.termsChanged')}` : ''}
                </p>
                <p className="text-slate-600">
                  {t('fields.approvedOn')}<Colon />{a.approvedOn ?? '—'}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section headingId="contract-deliverables" title={t('fields.acceptedDeliverables')} className="space-y-3">
        <AcceptedDeliverableTable deliverables={c.acceptedDeliverables} caption={t('fields.acceptedDeliverables')} showContract={false} />
      </Section>

      <Section headingId="contract-evaluations" title={t('fields.evaluations')} className="space-y-3">
        <EvaluationTable evaluations={c.evaluations} caption={t('fields.evaluations')} showContract={false} />
      </Section>

      <p className="text-sm">
        <a href={`/api/public/contracts/${c.reference}`} className="text-brand-700 underline">
          {t('asJson')}
        </a>
      </p>
      <ReportErrorLink type="contract" recordKey={c.reference} />
    </article>
  );
}
