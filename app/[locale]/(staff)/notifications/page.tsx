import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { buildActor } from '@/lib/auth/actor';
import { listNotifications, type Notification } from '@/lib/notifications/queries';
import { Link } from '@/lib/i18n/navigation';
import { Pager } from '@/app/_components/pager';
import { pageParam, readPage } from '@/lib/shared/paging';
import { MarkReadForm } from './mark-read-form';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'notifications');
}

/** What concerns the signed-in person, newest first, unread ones marked; built from the audit trail in their scope. */
export default async function NotificationsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  const { items: all, unread } = listNotifications(getDb(), actor);
  // Built whole from the trail (the last 90 days), shown a page at a time.
  const shown = readPage(pageParam(await searchParams), (limit, offset) => all.slice(offset, offset + limit));
  const items = shown.items;
  const t = await getTranslations('notifications');
  const format = await getFormatter();
  const en = locale === 'en';
  const text = (n: Notification) =>
    t(`kind.${n.kind}`, { reference: n.reference, matter: en ? n.matterTitleEn : n.matterTitleZh, title: n.title ?? '', due: n.dueDate ?? '', name: n.actorName ?? '' });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {unread ? <MarkReadForm label={t('markAllRead')} testId="mark-all-read" /> : null}
      </div>
      <p className="text-sm text-slate-700" data-testid="unread-summary">{t('unreadCount', { count: unread })}</p>
      {items.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : (
        <ol className="space-y-2" data-testid="notifications">
          {items.map((n) => (
            <li
              key={n.key}
              data-testid="notification"
              data-kind={n.kind}
              data-read={n.read ? 'true' : 'false'}
              className={n.read ? 'rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700' : 'rounded-md border-l-4 border-brand-700 bg-brand-50 p-3 text-sm'}
            >
              <p className="flex flex-wrap items-baseline gap-x-2">
                {n.read ? null : <strong className="text-xs uppercase text-brand-700">{t('unread')}</strong>}
                <time dateTime={n.at} className="tabular-nums text-slate-600">{format.dateTime(new Date(n.at), { dateStyle: 'medium', timeStyle: n.kind === 'milestone_due' ? undefined : 'short' })}</time>
              </p>
              <p className="break-words">
                <Link href={`/desk/contracts/${n.contractId}`} className="text-brand-700 underline">{text(n)}</Link>
              </p>
              {n.comment ? <p className="whitespace-pre-line text-slate-700">{t('comment', { comment: n.comment })}</p> : null}
              {n.read ? null : <div className="mt-1"><MarkReadForm notificationKey={n.key} label={t('markRead')} testId="mark-read" /></div>}
            </li>
          ))}
        </ol>
      )}
      <Pager pathname="/notifications" query={{}} page={shown.page} hasNext={shown.hasNext} />
    </div>
  );
}
