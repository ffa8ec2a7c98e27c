import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { catalogueStatuses, matterCategories } from '@/lib/domain/enums';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/app/_components/button';
import { DataTable } from '@/app/_components/data-table';
import { Pager } from '@/app/_components/pager';
import { listDepartmentChoices, listMattersForStaff, matterListQuery, matterSorts } from '@/lib/matters/staff-queries';
import { fieldClass } from '@/app/_components/field-class';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'deskMatters');
}

/** The staff catalogue: search, filters, sorting and pages, all in the URL (works without JavaScript). */
export default async function StaffMattersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'matter.read')) notFound();
  const query = matterListQuery.parse(await searchParams);
  const db = getDb();
  const { items, hasNext } = listMattersForStaff(db, actor, query);
  const t = await getTranslations('staffMatters');
  const tc = await getTranslations('category');
  const ts = await getTranslations('catalogueStatus');
  const en = locale === 'en';
  const allDepartments = actor.role === 'admin' || actor.role === 'auditor';
  const departments = allDepartments ? listDepartmentChoices(db) : [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {can(actor, 'matter.edit') ? (
          <Button asChild>
          <Link href="/desk/matters/new">{t('new')}</Link>
        </Button>
        ) : null}
      </div>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2" aria-label={t('searchLabel')}>
        <label className="text-sm">
          <span className="block font-medium">{t('q')}</span>
          <input name="q" defaultValue={query.q} className={fieldClass} data-testid="matter-search" />
        </label>
        {allDepartments ? (
          <label className="text-sm">
            <span className="block font-medium">{t('department')}</span>
            <select name="department" defaultValue={query.department ?? ''} className={fieldClass}>
              <option value="">{t('all')}</option>
              {departments.map((d) => <option key={d.id} value={d.id}>{en ? d.nameEn : d.nameZh}</option>)}
            </select>
          </label>
        ) : null}
        <label className="text-sm">
          <span className="block font-medium">{t('category')}</span>
          <select name="category" defaultValue={query.category ?? ''} className={fieldClass}>
            <option value="">{t('all')}</option>
            {matterCategories.map((c) => <option key={c} value={c}>{tc(c)}</option>)}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t('status')}</span>
          <select name="status" defaultValue={query.status ?? ''} className={fieldClass}>
            <option value="">{t('all')}</option>
            {catalogueStatuses.map((s) => <option key={s} value={s}>{ts(s)}</option>)}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t('service')}</span>
          <select name="service" defaultValue={query.service ?? ''} className={fieldClass}>
            <option value="">{t('all')}</option>
            <option value="in">{t('inService')}</option>
            <option value="out">{t('notInService')}</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t('sort')}</span>
          <select name="sort" defaultValue={query.sort} className={fieldClass}>
            {matterSorts.map((s) => <option key={s} value={s}>{t(`sorts.${s}`)}</option>)}
          </select>
        </label>
        <Button type="submit" className="py-2">{t('apply')}</Button>
      </form>
      <DataTable
        rows={items}
        caption={t('title')}
        rowKey={(m) => m.id}
        rowTestId="matter-row"
        empty={t('none')}
        columns={[
          { header: t('code'), rowHeader: true, className: 'font-mono', cell: (m) => m.code },
          { header: t('matterTitle'), cell: (m) => <Link href={`/desk/matters/${m.id}`} className="text-brand-700 underline">{en ? m.titleEn : m.titleZh}</Link> },
          { header: t('category'), cell: (m) => tc(m.category) },
          { header: t('department'), cell: (m) => (en ? m.departmentNameEn : m.departmentNameZh) },
          { header: t('budget'), numeric: true, cell: (m) => formatFen(m.annualBudgetFen, locale) },
          { header: t('status'), status: true, cell: (m) => ts(m.catalogueStatus) },
          { header: t('service'), cell: (m) => (m.inService ? t('inService') : t('notInService')) },
        ]}
      />
      <Pager pathname="/desk/matters" query={query} page={query.page} hasNext={hasNext} />
    </div>
  );
}
