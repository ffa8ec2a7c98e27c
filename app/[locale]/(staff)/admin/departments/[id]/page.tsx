import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { actorFromSession } from '@/lib/auth/sign-in';
import { listDepartments } from '@/lib/departments/queries';
import { recordHistory } from '@/lib/audit/queries';
import { History } from '@/app/_components/history';

export default async function DepartmentPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = actorFromSession(await requirePageUser(locale));
  if (!can(actor, 'department.manage') && !can(actor, 'audit.read')) notFound();
  const d = listDepartments(getDb()).find((x) => String(x.id) === id);
  if (!d) notFound();
  const t = await getTranslations('departments');
  return (
    <div className="space-y-4">
      <p className="font-mono text-sm text-slate-600">{d.code}</p>
      <h1 className="text-2xl font-bold">{locale === 'en' ? d.nameEn : d.nameZh}</h1>
      <p className="text-sm">{t(`kind.${d.kind}`)} · {t('matters', { count: d.matters })}</p>
      <History events={recordHistory(getDb(), 'department', d.id)} title={t('history')} />
    </div>
  );
}
