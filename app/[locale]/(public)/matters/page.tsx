import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { contractorKinds, matterCategories } from '@/lib/domain/enums';
import { formatFen } from '@/lib/format';
import { getPathname, Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { getCachedPublicDepartmentChoices } from '@/lib/public/cached';
import { matterServiceStatuses } from '@/lib/public/dto';
import { parseMatterFilter } from '@/lib/public/filters';
import { findPublicMatters, MATTER_COUNT_CAP } from '@/lib/public/matter-queries';
import { Button } from '@/app/_components/button';
import { DataTable } from '@/app/_components/data-table';
import { fieldClass } from '@/app/_components/field-class';
import { FilterDisclosure } from '@/app/_components/filter-disclosure';
import { FilterField, FilterSelect } from '../_components/filter-field';
import { localized } from '../_components/localized';
import { clean, pageNumber, Pagination } from '../_components/pagination';
import { ServiceStatusBadge } from '../_components/service-status-badge';

// Search, filters and page number come from the query string: rendered per request.
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'public.matters' });
  return { title: t('title') };
}

export default async function MattersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const { filter } = parseMatterFilter(query);
  const page = pageNumber(query.page);
  const t = await getTranslations('public');
  const tk = await getTranslations('contractorKind');
  const tf = await getTranslations('listFilters');
  const chosen = [filter.department, filter.category, filter.contractorKind, filter.status].filter(Boolean).length;
  const departments = await getCachedPublicDepartmentChoices();
  // A filtered search is counted up to MATTER_COUNT_CAP ("more than 200"): counting every match would read each one.
  const result = findPublicMatters(getDb(), filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, countCap: MATTER_COUNT_CAP });
  const pageCount = result.totalCapped ? null : Math.max(Math.ceil(result.total / PAGE_SIZE), 1);
  const formAction = getPathname({ href: '/matters', locale: locale as Locale });

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t('matters.title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('matters.intro')}</p>
      </div>

      <form method="get" action={formAction} role="search" aria-label={t('matters.searchLabel')} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <FilterField id="matters-q" label={t('matters.q')}>
          <input id="matters-q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={100} className={fieldClass} />
        </FilterField>
        <FilterDisclosure summary={tf('more', { count: chosen })} open={chosen > 0}>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {departments ? (
            <FilterSelect
              id="matters-department"
              name="department"
              label={t('fields.department')}
              value={filter.department}
              anyLabel={t('matters.any')}
              options={departments.map((d) => ({ value: d.code, label: localized(locale, d.nameZh, d.nameEn) }))}
            />
          ) : (
            <FilterField id="matters-department" label={t('matters.departmentCode')}>
              <input id="matters-department" name="department" defaultValue={filter.department ?? ''} maxLength={32} pattern="[A-Z0-9\-]{1,32}" className={fieldClass} />
            </FilterField>
          )}
          <FilterSelect id="matters-category" name="category" label={t('fields.category')} value={filter.category} anyLabel={t('matters.any')} options={matterCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          <FilterSelect id="matters-kind" name="contractorKind" label={t('matters.contractorKind')} value={filter.contractorKind} anyLabel={t('matters.any')} options={contractorKinds.map((k) => ({ value: k, label: tk(k) }))} />
          <FilterSelect id="matters-status" name="status" label={t('fields.status')} value={filter.status} anyLabel={t('matters.any')} options={matterServiceStatuses.map((s) => ({ value: s, label: t(`serviceStatus.${s}`) }))} />
        </div>
        </FilterDisclosure>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" className="px-4 py-2">
            {t('matters.apply')}
          </Button>
          <Link href="/matters" className="text-sm text-brand-700 underline">
            {t('matters.clear')}
          </Link>
        </div>
      </form>

      <p role="status" className="text-sm text-slate-700" data-testid="matters-count">
        {result.totalCapped ? t('matters.countMore', { count: result.total }) : t('matters.count', { count: result.total })}
      </p>

      <DataTable
        rows={result.items}
        caption={t('matters.title')}
        rowKey={(m) => m.code}
        rowTestId="matter-item"
        empty={t('matters.none')}
        columns={[
          {
            header: t('fields.matter'),
            rowHeader: true,
            cell: (m) => (
              <>
                <span className="font-mono text-xs text-slate-600">{m.code}</span>{' '}
                <Link href={`/matters/${m.code}`} className="font-medium text-brand-700 underline">
                  {localized(locale, m.titleZh, m.titleEn)}
                </Link>
              </>
            ),
          },
          { header: t('fields.status'), status: true, cell: (m) => <ServiceStatusBadge status={m.serviceStatus} /> },
          { header: t('fields.department'), cell: (m) => localized(locale, m.department.nameZh, m.department.nameEn) },
          { header: t('fields.category'), cell: (m) => t(`category.${m.category}`) },
          { header: t('fields.annualBudget'), numeric: true, cell: (m) => formatFen(m.annualBudgetFen, locale) },
          {
            header: t('fields.currentContractor'),
            cell: (m) =>
              m.currentContractors.length === 0
                ? '—'
                : m.currentContractors.map((c, i) => (
                    <span key={c.id}>
                      {i > 0 ? (locale === 'en' ? ', ' : '、') : null}
                      <Link href={`/contractors/${c.id}`} className="text-brand-700 underline">
                        {localized(locale, c.nameZh, c.nameEn)}
                      </Link>
                    </span>
                  )),
          },
        ]}
      />

      <Pagination pathname="/matters" query={clean({ q: filter.q, department: filter.department, category: filter.category, contractorKind: filter.contractorKind, status: filter.status })} page={page} pageCount={pageCount} hasNext={result.nextAfter !== null} />
    </div>
  );
}
