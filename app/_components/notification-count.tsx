import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { buildActor } from '@/lib/auth/actor';
import type { SessionUser } from '@/lib/auth/sessions';
import { listNotifications } from '@/lib/notifications/queries';
import { Link } from '@/lib/i18n/navigation';

/** The signed-in person's unread notifications, as a link to their list; for the staff header. */
export async function NotificationCount({ user }: { user: SessionUser }) {
  const { unread } = listNotifications(getDb(), buildActor(user));
  const t = await getTranslations('notifications');
  return (
    <Link href="/notifications" className="whitespace-nowrap text-brand-700 underline" data-testid="notification-count">
      {t('header')}
      {unread ? <span className="ml-1 inline-block min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold text-white no-underline tabular-nums">{unread}</span> : null}
    </Link>
  );
}
