import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { listDepartmentChoices } from '@/lib/matters/staff-queries';
import { NewMatterForm } from '../matter-forms';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'newMatter');
}

export default async function NewMatterPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'matter.edit')) notFound();
  const t = await getTranslations('staffMatters');
  const departments = actor.role === 'admin' ? listDepartmentChoices(getDb()).map((d) => ({ id: d.id, name: locale === 'en' ? d.nameEn : d.nameZh })) : undefined;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t('new')}</h1>
      <NewMatterForm locale={locale} departments={departments} />
    </div>
  );
}
