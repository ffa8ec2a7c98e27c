import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { contractorListQuery, listContractorsForStaff } from '@/lib/contractors/staff-queries';
import { contractorKinds, verificationStatuses } from '@/lib/domain/enums';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/app/_components/button';
import { DataTable } from '@/app/_components/data-table';
import { Pager } from '@/app/_components/pager';
import { fieldClass } from '@/app/_components/field-class';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'deskContractors');
}

export default async function StaffContractorsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'contractor.read')) notFound();
  const query = contractorListQuery.parse(await searchParams);
  const { items, hasNext } = listContractorsForStaff(getDb(), actor, query);
  const t = await getTranslations('staffContractors');
  const tk = await getTranslations('contractorKindOne');
  const tv = await getTranslations('verification');
  const en = locale === 'en';
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {can(actor, 'contractor.edit') ? <Button asChild>
          <Link href="/desk/contractors/new">{t('new')}</Link>
        </Button> : null}
      </div>
      <form method="get" role="search" aria-label={t('searchLabel')} className="flex flex-wrap items-end gap-2">
        <label className="text-sm"><span className="block font-medium">{t('q')}</span><input name="q" defaultValue={query.q} className={fieldClass} /></label>
        <label className="text-sm"><span className="block font-medium">{t('kind')}</span>
          <select name="kind" defaultValue={query.kind ?? ''} className={fieldClass}><option value="">{t('all')}</option>{contractorKinds.map((k) => <option key={k} value={k}>{tk(k)}</option>)}</select>
        </label>
        <label className="text-sm"><span className="block font-medium">{t('status')}</span>
          <select name="status" defaultValue={query.status ?? ''} className={fieldClass}><option value="">{t('all')}</option>{verificationStatuses.map((s) => <option key={s} value={s}>{tv(s)}</option>)}</select>
        </label>
        <Button type="submit" className="py-2">{t('apply')}</Button>
      </form>
      <DataTable
        rows={items}
        caption={t('title')}
        rowKey={(c) => c.id}
        rowTestId="contractor-row"
        empty={t('none')}
        columns={[
          { header: t('name'), rowHeader: true, cell: (c) => <Link href={`/desk/contractors/${c.id}`} className="text-brand-700 underline">{en ? c.nameEn : c.nameZh}</Link> },
          { header: t('creditCode'), className: 'font-mono', cell: (c) => c.creditCode },
          { header: t('kind'), cell: (c) => tk(c.kind) },
          { header: t('status'), status: true, cell: (c) => tv(c.verificationStatus) },
        ]}
      />
      <Pager pathname="/desk/contractors" query={query} page={query.page} hasNext={hasNext} />
    </div>
  );
}
