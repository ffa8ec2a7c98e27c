import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { DataTable } from '@/app/_components/data-table';
import { contractorKinds } from '@/lib/domain/enums';
import { getPathname, Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { parseContractorFilter } from '@/lib/public/filters';
import { findPublicContractors } from '@/lib/public/contractor-queries';
import { Button } from '@/app/_components/button';
import { fieldClass } from '@/app/_components/field-class';
import { FilterDisclosure } from '@/app/_components/filter-disclosure';
import { FilterField, FilterSelect } from '../_components/filter-field';
import { localized } from '../_components/localized';
import { clean, pageNumber, Pagination } from '../_components/pagination';

// Search, filters and page number come from the query string: rendered per request.
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'public.contractors' });
  return { title: t('title') };
}

export default async function ContractorsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const { filter } = parseContractorFilter(query);
  const page = pageNumber(query.page);
  const t = await getTranslations('public');
  const tk = await getTranslations('contractorKind');
  const tf = await getTranslations('listFilters');
  const result = findPublicContractors(getDb(), filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pageCount = Math.max(Math.ceil(result.total / PAGE_SIZE), 1);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t('contractors.title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('contractors.intro')}</p>
      </div>
      <form method="get" action={getPathname({ href: '/contractors', locale: locale as Locale })} role="search" aria-label={t('contractors.searchLabel')} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 md:grid-cols-2">
          <FilterField id="contractors-q" label={t('contractors.q')}>
            <input id="contractors-q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={100} className={fieldClass} />
          </FilterField>
          <FilterDisclosure summary={tf('more', { count: filter.kind ? 1 : 0 })} open={Boolean(filter.kind)}>
            <FilterSelect id="contractors-kind" name="kind" label={t('fields.kind')} value={filter.kind} anyLabel={t('matters.any')} options={contractorKinds.map((k) => ({ value: k, label: tk(k) }))} />
          </FilterDisclosure>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" className="px-4 py-2">
            {t('matters.apply')}
          </Button>
          <Link href="/contractors" className="text-sm text-brand-700 underline">
            {t('matters.clear')}
          </Link>
        </div>
      </form>
      <p role="status" className="text-sm text-slate-700" data-testid="contractors-count">
        {t('contractors.count', { count: result.total })}
      </p>
      <DataTable
        rows={result.items}
        caption={t('contractors.title')}
        rowKey={(c) => c.id}
        rowTestId="contractor-row"
        empty={t('contractors.none')}
        columns={[
          {
            header: t('fields.name'),
            rowHeader: true,
            cell: (c) => (
              <Link href={`/contractors/${c.id}`} className="text-brand-700 underline">
                {localized(locale, c.nameZh, c.nameEn)}
              </Link>
            ),
          },
          { header: t('fields.kind'), cell: (c) => tk(c.kind) },
          { header: t('fields.creditCode'), className: 'font-mono text-xs', cell: (c) => c.creditCode },
          { header: t('fields.verification'), status: true, cell: (c) => t(`verification.${c.verificationStatus}`) },
          { header: t('fields.contracts'), numeric: true, cell: (c) => c.publishedContracts },
        ]}
      />
      <Pagination pathname="/contractors" query={clean({ q: filter.q, kind: filter.kind })} page={page} pageCount={pageCount} />
    </div>
  );
}
