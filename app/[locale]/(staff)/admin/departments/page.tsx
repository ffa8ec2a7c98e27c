import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { listDepartments } from '@/lib/departments/queries';
import { departmentCreditCodes } from '@/lib/departments/staff-queries';
import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'departments');
}

export default async function DepartmentsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'department.manage') && !can(actor, 'audit.read')) notFound();
  const t = await getTranslations('departments');
  const en = locale === 'en';
  const creditCodes = departmentCreditCodes(getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ul className="space-y-1 text-sm">
        {listDepartments(getDb()).map((d) => (
          <li key={d.id} data-testid="department-row">
            <Link href={`/admin/departments/${d.id}`} className="text-brand-700 underline">{en ? d.nameEn : d.nameZh}</Link> · <span className="font-mono">{d.code}</span> · {t('creditCode')} <span className="font-mono">{creditCodes.get(d.id) ?? t('noCreditCode')}</span> · {t(`kind.${d.kind}`)} · {t('matters', { count: d.matters })}
          </li>
        ))}
      </ul>
    </div>
  );
}
