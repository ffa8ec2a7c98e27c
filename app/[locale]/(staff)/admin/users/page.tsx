import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { actorFromSession } from '@/lib/auth/sign-in';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/app/_components/button';
import { listUsers } from '@/lib/users/queries';

export default async function UsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = actorFromSession(await requirePageUser(locale));
  if (!can(actor, 'user.manage')) notFound();
  const users = listUsers(getDb(), actor);
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
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className="py-2 pr-3">{t('name')}</th>
              <th scope="col" className="py-2 pr-3">{t('email')}</th>
              <th scope="col" className="py-2 pr-3">{t('role')}</th>
              <th scope="col" className="py-2 pr-3">{t('scope')}</th>
              <th scope="col" className="py-2">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-slate-100" data-testid="user-row">
                <td className="py-2 pr-3">
                  <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline">
                    {u.name}
                  </Link>
                </td>
                <td className="py-2 pr-3">{u.email}</td>
                <td className="py-2 pr-3">{tr(u.role)}</td>
                <td className="py-2 pr-3">{(en ? (u.departmentNameEn ?? u.contractorNameEn) : (u.departmentNameZh ?? u.contractorNameZh)) ?? '—'}</td>
                <td className="py-2">{u.disabled ? t('disabled') : t('enabled')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
