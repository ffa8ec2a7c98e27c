import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { findUser, listScopeChoices } from '@/lib/users/queries';
import { EditUserForms } from './edit-user-forms';
import { previewConsequences } from '@/lib/confirm/consequences';
import { History } from '@/app/_components/history';
import { recordHistory } from '@/lib/audit/queries';
import type { Metadata } from 'next';
import { staffPageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { locale, id } = await params;
  return staffPageTitle(locale, 'person', (actor) => (can(actor, 'user.manage') && /^\d+$/.test(id) ? findUser(getDb(), actor, Number(id))?.name : null));
}

export default async function EditUserPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'user.manage')) notFound();
  const user = /^\d+$/.test(id) ? findUser(getDb(), actor, Number(id)) : undefined;
  if (!user) notFound();
  const choices = listScopeChoices(getDb(), actor);
  const en = locale === 'en';
  const t = await getTranslations('people');
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{user.name}</h1>
      <p className="text-sm text-slate-700">
        {user.email} · {user.disabled ? t('disabled') : t('enabled')}
      </p>
      <EditUserForms
        user={{ id: user.id, name: user.name, role: user.role, departmentId: user.departmentId, contractorId: user.contractorId, disabled: user.disabled }}
        departments={choices.departments.map((d) => ({ id: d.id, name: en ? d.nameEn : d.nameZh }))}
        contractors={choices.contractors.map((c) => ({ id: c.id, name: en ? c.nameEn : c.nameZh }))}
        disableConsequences={user.disabled ? null : previewConsequences(getDb(), actor, 'user', 'disable', user.id)}
      />
      <History events={recordHistory(getDb(), 'user', user.id)} title={t('history')} viewer={actor} />
    </div>
  );
}
