import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { formatFen, formatNumber } from '@/lib/format';
import { getCachedPublicContractor } from '@/lib/public/cached';
import { DefinitionList } from '../../_components/definition-list';
import { localized } from '../../_components/localized';
import { EvaluationTable, PublicContractTable } from '../../_components/public-tables';
import { ReportErrorLink } from '../../_components/report-error-link';
import { ZhText } from '../../_components/zh-text';
import { Section } from '@/app/_components/section';
import { pageTitle } from '@/lib/i18n/page-title';

// Rendered on first request, then served whole from Next's page cache (incremental static regeneration):
// a write that shows on a page expires it with its data (revalidatePublic, by the tags of lib/public/cache-tags.ts:
// other pages stay cached); the time limit is the same five-minute backstop for writes made outside the app. Nothing is
// rendered at build time (no parameters listed), so the build never reads a database.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; id: string }>;

const readId = (id: string) => (/^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, id } = await params;
  const n = readId(id);
  const contractor = n === null ? null : await getCachedPublicContractor(n);
  return contractor ? pageTitle(locale, 'contractor', localized(locale, contractor.nameZh, contractor.nameEn)) : pageTitle(locale, 'notFound');
}

export default async function ContractorPage({ params }: { params: Params }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const n = readId(id);
  const contractor = n === null ? null : await getCachedPublicContractor(n);
  if (!contractor) notFound();
  const t = await getTranslations('public');
  const tk = await getTranslations('contractorKind');
  const r = contractor.record;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{localized(locale, contractor.nameZh, contractor.nameEn)}</h1>
        {locale === 'en' ? (
          <p lang="zh-CN" className="text-slate-700">
            {contractor.nameZh}
          </p>
        ) : (
          <p lang="en" className="text-slate-700">
            {contractor.nameEn}
          </p>
        )}
      </header>
      <Section headingId="contractor-facts" title={t('contractor.facts')} className="space-y-3">
        <DefinitionList
          items={[
            { label: t('fields.kind'), value: tk(contractor.kind) },
            { label: t('fields.creditCode'), value: <span className="font-mono">{contractor.creditCode}</span> },
            { label: t('fields.verification'), value: t(`verification.${contractor.verificationStatus}`), testId: 'contractor-status' },
            ...(contractor.statusSince ? [{ label: t('fields.statusSince'), value: contractor.statusSince, testId: 'contractor-status-since' }] : []),
            ...(contractor.statusReason ? [{ label: t('fields.statusReason'), value: <ZhText>{contractor.statusReason}</ZhText>, testId: 'contractor-status-reason' }] : []),
          ]}
        />
      </Section>
      <Section headingId="contractor-record" title={t('contractor.record')} className="space-y-3">
        <DefinitionList
          items={[
            { label: t('fields.contracts'), value: t('contractor.contractsCount', { published: r.publishedContracts, active: r.activeContracts }) },
            { label: t('fields.value'), value: formatFen(r.totalValueFen, locale) },
            { label: t('fields.paid'), value: formatFen(r.amountPaidFen, locale) },
            { label: t('fields.acceptedDeliverables'), value: formatNumber(r.acceptedDeliverables, locale) },
            { label: t('fields.averageScore'), value: r.averageScore === null ? '—' : t('contractor.averageScore', { score: r.averageScore, count: r.evaluations }) },
          ]}
        />
      </Section>
      <Section headingId="contractor-contracts" title={t('contractor.contracts')} className="space-y-3">
        <PublicContractTable contracts={contractor.contracts} caption={t('contractor.contracts')} show={['matter']} />
      </Section>
      <Section headingId="contractor-evaluations" title={t('fields.evaluations')} className="space-y-3">
        <EvaluationTable evaluations={contractor.evaluations} caption={t('fields.evaluations')} showContract />
      </Section>
      <p className="text-sm">
        <a href={`/api/public/contractors/${contractor.id}`} className="text-brand-700 underline">
          {t('asJson')}
        </a>
      </p>
      <ReportErrorLink type="contractor" recordKey={String(contractor.id)} />
    </article>
  );
}
