import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { actorFromSession } from '@/lib/auth/sign-in';
import { listAuditEvents } from '@/lib/audit/queries';
import { Link } from '@/lib/i18n/navigation';

/** The audit trail, newest first, for auditors and admins. */
export default async function AuditPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ before?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = actorFromSession(await requirePageUser(locale));
  if (!can(actor, 'audit.read')) notFound();
  const before = Number((await searchParams).before) || undefined;
  const events = listAuditEvents(getDb(), actor, { beforeSeq: before, limit: 50 });
  const t = await getTranslations('audit');
  const tr = await getTranslations('staff.roles');
  const format = await getFormatter();
  const last = events.at(-1);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className="py-2 pr-3">#</th>
              <th scope="col" className="py-2 pr-3">{t('time')}</th>
              <th scope="col" className="py-2 pr-3">{t('actor')}</th>
              <th scope="col" className="py-2 pr-3">{t('action')}</th>
              <th scope="col" className="py-2">{t('entity')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq} className="border-b border-slate-100" data-testid="audit-row">
                <td className="py-2 pr-3 tabular-nums">{e.seq}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(new Date(e.occurredAt), { dateStyle: 'short', timeStyle: 'medium' })}</td>
                <td className="py-2 pr-3">
                  {e.actorName} <span className="text-slate-600">({tr.has(e.actorRole) ? tr(e.actorRole) : e.actorRole})</span>
                </td>
                <td className="py-2 pr-3 font-mono text-xs">{e.action}</td>
                <td className="py-2 font-mono text-xs">
                  {e.entityType} {e.entityId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {last && last.seq > 1 ? (
        <Link href={{ pathname: '/audit', query: { before: last.seq } }} className="text-brand-700 underline">
          {t('older')}
        </Link>
      ) : null}
    </div>
  );
}
