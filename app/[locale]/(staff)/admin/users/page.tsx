import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/app/_components/button';
import { DataTable } from '@/app/_components/data-table';
import { listUsers } from '@/lib/users/queries';

export default async function UsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
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
    </div>
  );
}
