import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { NewContractorForm } from '../contractor-forms';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'newContractor');
}

export default async function NewContractorPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'contractor.edit')) notFound();
  const t = await getTranslations('staffContractors');
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t('new')}</h1>
      <NewContractorForm locale={locale} />
    </div>
  );
}
