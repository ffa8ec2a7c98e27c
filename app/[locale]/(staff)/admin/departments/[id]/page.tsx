import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { listDepartments } from '@/lib/departments/queries';
import { findDepartment } from '@/lib/departments/staff-queries';
import { recordHistory } from '@/lib/audit/queries';
import { History } from '@/app/_components/history';
import { EditDepartmentForm } from './department-form';
import { Section } from '@/app/_components/section';
import type { Metadata } from 'next';
import { staffPageTitle } from '@/lib/i18n/page-title';
import { localName } from '@/lib/i18n/local-name';

export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { locale, id } = await params;
  return staffPageTitle(locale, 'department', (actor) => {
    const d = (can(actor, 'department.manage') || can(actor, 'audit.read')) && /^\d+$/.test(id) ? findDepartment(getDb(), Number(id)) : null;
    return d ? localName(locale, d.nameZh, d.nameEn).text : null;
  });
}

export default async function DepartmentPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'department.manage') && !can(actor, 'audit.read')) notFound();
  const d = listDepartments(getDb()).find((x) => String(x.id) === id);
  const record = d ? findDepartment(getDb(), d.id) : null;
  if (!d || !record) notFound();
  const t = await getTranslations('departments');
  return (
    <div className="space-y-4">
      <p className="font-mono text-sm text-slate-600">{d.code}</p>
      <h1 className="text-2xl font-bold">{locale === 'en' ? d.nameEn : d.nameZh}</h1>
      <p className="text-sm">{t(`kind.${d.kind}`)} · {t('matters', { count: d.matters })}</p>
      <dl className="text-sm">
        <dt className="font-medium text-slate-800">{t('creditCode')}</dt>
        <dd className="font-mono" data-testid="department-credit-code">{record.creditCode ?? t('noCreditCode')}</dd>
      </dl>
      {can(actor, 'department.manage') ? (
        <Section headingId="edit-heading" title={t('edit')} className="max-w-lg space-y-2">
          <EditDepartmentForm department={record} />
        </Section>
      ) : null}
      <History events={recordHistory(getDb(), 'department', d.id)} title={t('history')} viewer={actor} />
    </div>
  );
}
