import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/app/_components/button';
import { DataTable } from '@/app/_components/data-table';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'people');
}
import { Pager } from '@/app/_components/pager';
import { AwaitingVerification } from './awaiting-verification';
import { fieldClass } from '@/app/_components/field-class';
import { roles } from '@/lib/domain/enums';
import { listDepartmentChoices } from '@/lib/matters/staff-queries';
import { listUsers, userListQuery } from '@/lib/users/queries';

/** The admin's people: search, role and department filters and pages, all in the URL (works without JavaScript). */
export default async function UsersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'user.manage')) notFound();
  const query = userListQuery.parse(await searchParams);
  const db = getDb();
  const { items: users, hasNext, total } = listUsers(db, actor, query);
  const departments = listDepartmentChoices(db);
  const t = await getTranslations('people');
  const tr = await getTranslations('staff.roles');
  const en = (await getLocale()) === 'en';
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Button asChild>
          <Link href="/admin/users/new">{t('new')}</Link>
        </Button>
      </div>
      <AwaitingVerification actor={actor} />
      <form method="get" role="search" className="flex flex-wrap items-end gap-2" aria-label={t('searchLabel')}>
        <label className="text-sm">
          <span className="block font-medium">{t('q')}</span>
          <input name="q" defaultValue={query.q} className={fieldClass} data-testid="user-search" />
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t('role')}</span>
          <select name="role" defaultValue={query.role ?? ''} className={fieldClass}>
            <option value="">{t('all')}</option>
            {roles.map((r) => <option key={r} value={r}>{tr(r)}</option>)}
          </select>
        </label>
        <label className="min-w-0 max-w-full text-sm">
          <span className="block font-medium">{t('department')}</span>
          <select name="department" defaultValue={query.department ?? ''} className={`${fieldClass} max-w-full`}>
            <option value="">{t('all')}</option>
            {departments.map((d) => <option key={d.id} value={d.id}>{en ? d.nameEn : d.nameZh}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm">{t('filter')}</button>
      </form>
      <p className="text-sm text-slate-700" data-testid="user-total">{t('found', { count: total })}</p>
      <DataTable
        rows={users}
        caption={t('title')}
        rowKey={(u) => u.id}
        rowTestId="user-row"
        empty="—"
        columns={[
          { header: t('name'), rowHeader: true, cell: (u) => <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline">{u.name}</Link> },
          { header: t('email'), cell: (u) => u.email },
          { header: t('role'), cell: (u) => tr(u.role) },
          { header: t('scope'), cell: (u) => (en ? (u.departmentNameEn ?? u.contractorNameEn) : (u.departmentNameZh ?? u.contractorNameZh)) ?? '—' },
          { header: t('state'), status: true, cell: (u) => (u.disabled ? t('disabled') : t('enabled')) },
        ]}
      />
      <Pager pathname="/admin/users" query={{ q: query.q, role: query.role, department: query.department }} page={query.page} hasNext={hasNext} />
    </div>
  );
}
