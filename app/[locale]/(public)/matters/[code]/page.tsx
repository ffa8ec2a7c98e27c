import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { getCachedProcurementFigures, getCachedPublicMatter } from '@/lib/public/cached';
import { DefinitionList } from '../../_components/definition-list';
import { localized } from '../../_components/localized';
import { ZhText } from '../../_components/zh-text';
import { AcceptedDeliverableTable, EvaluationTable, PublicContractTable } from '../../_components/public-tables';
import { ServiceStatusBadge } from '../../_components/service-status-badge';
import { ProcurementShares } from '../../_components/procurement-shares';
import { ReportErrorLink } from '../../_components/report-error-link';
import { Section } from '@/app/_components/section';
import { pageTitle } from '@/lib/i18n/page-title';
import { Parens } from '@/app/_components/punctuation';

// Rendered on first request, then served whole from Next's page cache (incremental static regeneration):
// a write that shows on a page expires it with its data (revalidatePublic, by the tags of lib/public/cache-tags.ts:
// other pages stay cached); the time limit is the same five-minute backstop for writes made outside the app. Nothing is
// rendered at build time (no parameters listed), so the build never reads a database.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, code } = await params;
  const matter = await getCachedPublicMatter(code);
  return matter ? pageTitle(locale, 'matter', localized(locale, matter.titleZh, matter.titleEn)) : pageTitle(locale, 'notFound');
}

export default async function MatterPage({ params }: { params: Params }) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const matter = await getCachedPublicMatter(code);
  if (!matter) notFound();
  const t = await getTranslations('public');
  const tk = await getTranslations('contractorKind');
  const tp = await getTranslations('procurement');
  const description = localized(locale, matter.descriptionZh, matter.descriptionEn);

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="font-mono text-sm text-slate-600">{matter.code}</p>
        <h1 className="text-2xl font-bold">{localized(locale, matter.titleZh, matter.titleEn)}</h1>
        <ServiceStatusBadge status={matter.serviceStatus} />
        {description ? <p className="max-w-3xl text-slate-700">{description}</p> : null}
      </header>

      <Section headingId="matter-facts" title={t('matter.facts')} className="space-y-3">
        <DefinitionList
          items={[
            { label: t('fields.department'), value: localized(locale, matter.department.nameZh, matter.department.nameEn) },
            { label: t('fields.category'), value: t(`category.${matter.category}`) },
            { label: t('fields.annualBudget'), value: formatFen(matter.annualBudgetFen, locale) },
            { label: t('fields.legalBasis'), value: matter.legalBasis ? <ZhText>{matter.legalBasis}</ZhText> : '—' },
            { label: t('fields.serviceStandard'), value: matter.serviceStandard ? <ZhText>{matter.serviceStandard}</ZhText> : '—' },
            ...(matter.withdrawalReason ? [{ label: t('fields.withdrawalReason'), value: <ZhText>{matter.withdrawalReason}</ZhText> }] : []),
            {
              label: t('fields.currentContractor'),
              testId: 'current-contractor',
              value:
                matter.currentContractors.length === 0 ? (
                  t('matter.noCurrentContractor')
                ) : (
                  <ul>
                    {matter.currentContractors.map((c) => (
                      <li key={c.id}>
                        <Link href={`/contractors/${c.id}`} className="text-brand-700 underline">
                          {localized(locale, c.nameZh, c.nameEn)}
                        </Link>{' '}
                        <span className="text-slate-600"><Parens>{tk(c.kind)}</Parens></span>
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      </Section>

      <Section headingId="matter-contracts" title={t('matter.contracts')} className="space-y-3">
        <PublicContractTable contracts={matter.contracts} caption={t('matter.contracts')} show={['contractor']} />
      </Section>

      <Section headingId="matter-deliverables" title={t('fields.acceptedDeliverables')} className="space-y-3">
        <AcceptedDeliverableTable deliverables={matter.acceptedDeliverables} caption={t('fields.acceptedDeliverables')} showContract />
      </Section>

      <Section headingId="matter-evaluations" title={t('fields.evaluations')} className="space-y-3">
        <EvaluationTable evaluations={matter.evaluations} caption={t('fields.evaluations')} showContract />
      </Section>

      <ProcurementShares figures={await getCachedProcurementFigures({ matterCode: matter.code })} locale={locale} headingId="matter-procurement" heading={tp('sharesHeading')} />

      <p className="text-sm">
        <a href={`/api/public/matters/${matter.code}`} className="text-brand-700 underline" data-testid="json-link">
          {t('asJson')}
        </a>
      </p>
      <ReportErrorLink type="matter" recordKey={matter.code} />
    </article>
  );
}
