import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, CardTitle, CardValue } from '@/app/_components/card';
import { Button } from '@/app/_components/button';
import { DataTable } from '@/app/_components/data-table';
import { fieldClass } from '@/app/_components/field-class';
import { contractorKinds } from '@/lib/domain/enums';
import { formatFen, formatMoney, formatNumber } from '@/lib/format';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';
import { getCachedProcurementByDepartment, getCachedProcurementFigures, getCachedPublicStats } from '@/lib/public/cached';
import { publishedContractStatuses } from '@/lib/public/dto';
import { BarChart } from './_components/bar-chart';
import { ProcurementByDepartment } from './_components/procurement-by-department';
import { ProcurementShares } from './_components/procurement-shares';
import { StackedColumns } from './_components/stacked-columns';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

// Rendered on first request from the public data cache (lib/public/cached.ts), then served whole from
// Next's page cache; every write that can change public data calls revalidatePublic(), which expires both
// (the five-minute limit is only the backstop for writes made outside the app). The layout lists no
// locale for the build, so nothing here is rendered at build time.
export const revalidate = 300;

const statusColors: Record<(typeof publishedContractStatuses)[number], string> = {
  active: 'bg-green-700',
  suspended: 'bg-amber-500',
  completed: 'bg-brand-700',
  terminated: 'bg-red-700',
};

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'overview');
}

export default async function OverviewPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  // The layout answers 404 for an unknown locale, but renders in parallel with this page: /favicon.ico
  // would otherwise reach Intl with "favicon.ico" as the locale.
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('home');
  const tp = await getTranslations('public');
  const tk = await getTranslations('contractorKind');
  const ts = await getTranslations('contractStatus');
  const tf = await getTranslations('listFilters');
  const tpr = await getTranslations('procurement');
  const s = await getCachedPublicStats();
  const onTimeShare = s.deliverables.accepted === 0 ? null : Math.round((s.deliverables.acceptedOnTime / s.deliverables.accepted) * 100);

  const categoryBars = s.valueByCategory.map((c) => ({ key: c.category, label: tp(`category.${c.category}`), value: c.valueFen, display: formatMoney(c.valueFen, locale) }));
  const kindBars = contractorKinds.map((k) => ({ key: k, label: tk(k), value: s.contractors.byKind[k], display: formatNumber(s.contractors.byKind[k], locale) }));
  const years = s.contractsByStartYear.map((y) => ({ key: String(y.year), label: String(y.year), values: y.byStatus }));

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('intro')}</p>
      </div>

      <form method="get" action={getPathname({ href: '/matters', locale })} role="search" aria-label={tf('overviewSearchLabel')} className="max-w-2xl space-y-1" data-testid="overview-search">
        <label htmlFor="overview-q" className="block text-sm font-medium text-slate-800">
          {tf('overviewSearchLabel')}
        </label>
        <div className="flex gap-2">
          <input id="overview-q" name="q" type="search" maxLength={100} aria-describedby="overview-q-hint" className={`${fieldClass} min-w-0 flex-1`} />
          <Button type="submit" className="shrink-0 px-4 py-2">
            {tf('overviewSearchButton')}
          </Button>
        </div>
        <p id="overview-q-hint" className="text-sm text-slate-600">
          {tf('overviewSearchHint')}
        </p>
      </form>

      <section aria-labelledby="figures-heading" className="space-y-3">
        <h2 id="figures-heading" className="text-lg font-semibold">
          {t('figuresHeading')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Card data-testid="figure-matters">
            <CardTitle>{t('matters')}</CardTitle>
            <CardValue>{formatNumber(s.matters.published, locale)}</CardValue>
            <p className="text-sm text-slate-600">{t('mattersBreakdown', { listed: s.matters.listed, inService: s.matters.inService, withdrawn: s.matters.withdrawn })}</p>
          </Card>
          <Card data-testid="figure-contractors">
            <CardTitle>{t('contractors')}</CardTitle>
            <CardValue>{formatNumber(s.contractors.total, locale)}</CardValue>
            <dl className="mt-2 space-y-1 text-sm" aria-label={t('contractorsByKind')}>
              {contractorKinds.map((kind) => (
                <div key={kind} className="flex justify-between gap-2" data-testid={`kind-${kind}`}>
                  <dt className="text-slate-600">{tk(kind)}</dt>
                  <dd className="font-medium tabular-nums">{formatNumber(s.contractors.byKind[kind], locale)}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card data-testid="figure-contracts">
            <CardTitle>{t('contracts')}</CardTitle>
            <CardValue>{formatNumber(s.contracts.published, locale)}</CardValue>
            <p className="text-sm text-slate-600">{t('contractsNote')}</p>
          </Card>
          <Card data-testid="figure-value">
            <CardTitle>{t('totalValue')}</CardTitle>
            <CardValue className="text-2xl">{formatMoney(s.contracts.totalValueFen, locale)}</CardValue>
            <p className="text-sm text-slate-600">{t('totalValueNote')}</p>
          </Card>
          <Card data-testid="figure-paid">
            <CardTitle>{t('amountPaid')}</CardTitle>
            <CardValue className="text-2xl">{formatMoney(s.contracts.amountPaidFen, locale)}</CardValue>
            <p className="text-sm text-slate-600">{t('amountPaidNote')}</p>
          </Card>
          <Card data-testid="figure-on-time">
            <CardTitle>{t('onTime')}</CardTitle>
            <CardValue>{onTimeShare === null ? '—' : `${onTimeShare}%`}</CardValue>
            <p className="text-sm text-slate-600">{t('onTimeCount', { onTime: s.deliverables.acceptedOnTime, accepted: s.deliverables.accepted })}</p>
            <p className="mt-1 text-xs text-slate-600" data-testid="on-time-definition">
              {t('onTimeDefinition', { days: s.deliverables.graceDays })}
            </p>
          </Card>
          <Card data-testid="figure-evaluation">
            <CardTitle>{t('averageEvaluation')}</CardTitle>
            <CardValue>{s.evaluations.averageScore === null ? '—' : formatNumber(s.evaluations.averageScore, locale)}</CardValue>
            <p className="text-sm text-slate-600">{t('averageEvaluationNote', { count: s.evaluations.count })}</p>
          </Card>
        </div>
      </section>

      <section aria-labelledby="chart-category-heading" className="space-y-3">
        <h2 id="chart-category-heading" className="text-lg font-semibold">
          {t('chartValueByCategory')}
        </h2>
        <BarChart id="value-by-category" title={t('chartValueByCategory')} description={categoryBars.map((b) => `${b.label}: ${b.display}`).join('; ')} bars={categoryBars} />
        <DataTable
          testId="table-value-by-category"
          caption={t('tableView')}
          showCaption
          rows={s.valueByCategory}
          rowKey={(c) => c.category}
          columns={[
            { header: tp('fields.category'), rowHeader: true, cell: (c) => tp(`category.${c.category}`) },
            { header: tp('fields.contracts'), numeric: true, cell: (c) => formatNumber(c.contracts, locale) },
            { header: tp('fields.value'), numeric: true, cell: (c) => formatFen(c.valueFen, locale) },
          ]}
        />
      </section>

      <section aria-labelledby="chart-kind-heading" className="space-y-3">
        <h2 id="chart-kind-heading" className="text-lg font-semibold">
          {t('chartContractorsByKind')}
        </h2>
        <BarChart id="contractors-by-kind" title={t('chartContractorsByKind')} description={kindBars.map((b) => `${b.label}: ${b.display}`).join('; ')} bars={kindBars} />
        <DataTable
          testId="table-contractors-by-kind"
          caption={t('tableView')}
          showCaption
          rows={contractorKinds}
          rowKey={(k) => k}
          columns={[
            {
              header: tp('fields.kind'),
              rowHeader: true,
              cell: (k) => (
                <Link href={{ pathname: '/contractors', query: { kind: k } }} className="text-brand-700 underline">
                  {tk(k)}
                </Link>
              ),
            },
            { header: tp('fields.count'), numeric: true, cell: (k) => formatNumber(s.contractors.byKind[k], locale) },
          ]}
        />
      </section>

      <section aria-labelledby="chart-years-heading" className="space-y-3">
        <h2 id="chart-years-heading" className="text-lg font-semibold">
          {t('chartContractsByYear')}
        </h2>
        <StackedColumns
          id="contracts-by-year"
          title={t('chartContractsByYear')}
          description={s.contractsByStartYear.map((y) => `${y.year}: ${publishedContractStatuses.map((st) => `${ts(st)} ${y.byStatus[st]}`).join(', ')}`).join('; ')}
          series={publishedContractStatuses.map((st) => ({ key: st, label: ts(st), colorClass: statusColors[st] }))}
          columns={years}
        />
        <DataTable
          testId="table-contracts-by-year"
          caption={t('tableView')}
          showCaption
          rows={s.contractsByStartYear}
          rowKey={(y) => y.year}
          columns={[
            { header: t('startYear'), rowHeader: true, className: 'tabular-nums', cell: (y) => y.year },
            ...publishedContractStatuses.map((st) => ({ header: ts(st), numeric: true, cell: (y: (typeof s.contractsByStartYear)[number]) => formatNumber(y.byStatus[st], locale) })),
          ]}
        />
      </section>

      <ProcurementShares figures={await getCachedProcurementFigures({})} locale={locale} headingId="procurement-heading" heading={tpr('sharesHeading')} chart />
      <ProcurementByDepartment rows={await getCachedProcurementByDepartment()} locale={locale} />

      <section aria-labelledby="explore-heading" className="space-y-2">
        <h2 id="explore-heading" className="text-lg font-semibold">
          {t('explore')}
        </h2>
        <ul className="list-inside list-disc space-y-1 text-brand-700">
          <li>
            <Link href="/matters" className="underline">{t('exploreMatters')}</Link>
          </li>
          <li>
            <Link href="/contractors" className="underline">{t('exploreContractors')}</Link>
          </li>
          <li>
            <Link href="/api-docs" className="underline">{t('exploreData')}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
