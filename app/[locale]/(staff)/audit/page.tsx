import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { auditFilterQuery, listAuditEvents } from '@/lib/audit/queries';
import { actorRoles } from '@/lib/domain/enums';
import { listDepartments } from '@/lib/departments/queries';
import { Link } from '@/lib/i18n/navigation';
import { History } from '@/app/_components/history';
import { Button } from '@/app/_components/button';
import { fieldClass } from '@/app/_components/field-class';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'audit');
}

/** The whole trail for auditors and admins: filters in the URL, keyset pages, exports of what is shown. */
export default async function AuditPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'audit.read')) notFound();
  const filter = auditFilterQuery.parse(await searchParams);
  const db = getDb();
  const { items, nextBefore } = listAuditEvents(db, actor, filter);
  const t = await getTranslations('audit');
  const tr = await getTranslations('staff.roles');
  const en = locale === 'en';
  const active = Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== 'before' && v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
  const exportHref = (format: string) => `/api/audit/export?${new URLSearchParams({ ...active, format }).toString()}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <form method="get" role="search" aria-label={t('filters')} className="flex flex-wrap items-end gap-2">
        <label className="text-sm"><span className="block font-medium">{t('actor')}</span><input name="actor" defaultValue={filter.actor ?? ''} className={fieldClass} /></label>
        <label className="text-sm"><span className="block font-medium">{t('role')}</span>
          <select name="role" defaultValue={filter.role ?? ''} className={fieldClass}><option value="">{t('all')}</option>{actorRoles.map((r) => <option key={r} value={r}>{tr(r)}</option>)}</select>
        </label>
        <label className="text-sm"><span className="block font-medium">{t('action')}</span><input name="action" defaultValue={filter.action ?? ''} placeholder="contract.approved" className={fieldClass} /></label>
        <label className="text-sm"><span className="block font-medium">{t('entityType')}</span><input name="entityType" defaultValue={filter.entityType ?? ''} placeholder="contract" className={fieldClass} /></label>
        <label className="text-sm"><span className="block font-medium">{t('entityId')}</span><input name="entityId" defaultValue={filter.entityId ?? ''} className={fieldClass} /></label>
        <label className="text-sm"><span className="block font-medium">{t('department')}</span>
          <select name="department" defaultValue={filter.department ?? ''} className={fieldClass}><option value="">{t('all')}</option>{listDepartments(db).map((d) => <option key={d.id} value={d.id}>{en ? d.nameEn : d.nameZh}</option>)}</select>
        </label>
        <label className="text-sm"><span className="block font-medium">{t('from')}</span><input type="date" name="from" defaultValue={filter.from ?? ''} className={fieldClass} /></label>
        <label className="text-sm"><span className="block font-medium">{t('to')}</span><input type="date" name="to" defaultValue={filter.to ?? ''} className={fieldClass} /></label>
        <Button type="submit" className="py-2">{t('apply')}</Button>
      </form>
      <p className="flex gap-3 text-sm">
        <a href={exportHref('csv')} className="text-brand-700 underline" data-testid="export-csv">{t('exportCsv')}</a>
        <a href={exportHref('json')} className="text-brand-700 underline" data-testid="export-json">{t('exportJson')}</a>
      </p>
      <History events={items} title={t('events')} showRecord />
      {nextBefore ? <Link href={{ pathname: '/audit', query: { ...active, before: nextBefore } }} className="text-brand-700 underline">{t('older')}</Link> : null}
    </div>
  );
}
