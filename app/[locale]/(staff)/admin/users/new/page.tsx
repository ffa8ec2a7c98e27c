import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { listScopeChoices } from '@/lib/users/queries';
import { NewUserForm } from './new-user-form';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'newPerson');
}

export default async function NewUserPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'user.manage')) notFound();
  const choices = listScopeChoices(getDb(), actor);
  const en = locale === 'en';
  const t = await getTranslations('people');
  return (
    <div className="max-w-lg space-y-4">
      <h1 className="text-2xl font-bold">{t('new')}</h1>
      <NewUserForm
        departments={choices.departments.map((d) => ({ id: d.id, name: en ? d.nameEn : d.nameZh }))}
        contractors={choices.contractors.map((c) => ({ id: c.id, name: en ? c.nameEn : c.nameZh }))}
      />
    </div>
  );
}
