import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { requirePageUser } from '@/lib/auth/current';
import { pickMessages, staffClientNamespaces } from '@/lib/i18n/client-messages';
import { roleNav } from '@/lib/auth/homes';
import { Link } from '@/lib/i18n/navigation';
import { LocalName } from '../../_components/local-name';
import { StaffNav } from '../../_components/staff-nav';
import { signOutAction } from '../(auth)/actions';
import { NotificationCount } from '@/app/_components/notification-count';

// Signed-in pages read the session cookie: always rendered per request, never from the page cache.
export const dynamic = 'force-dynamic';

/** Everything under here is for signed-in users; each page checks its own permission as well. */
export default async function StaffLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  const t = await getTranslations('staff');
  const orgName = user.orgName ? { zh: user.orgName, en: user.orgNameEn } : null;
  return (
    <div className="space-y-4">
      <StaffNav items={roleNav[user.role]} />
      <div className="flex flex-wrap items-center justify-end gap-3 text-sm">
        <span data-testid="signed-in-as">
          <LocalName zh={user.name} /> · {t(`roles.${user.role}`)}
          {orgName ? <> · <LocalName zh={orgName.zh} en={orgName.en} /></> : null}
        </span>
        <NotificationCount user={user} />
        <Link href="/change-password" className="whitespace-nowrap text-brand-700 underline">
          {t('changePassword')}
        </Link>
        <form action={signOutAction}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="whitespace-nowrap rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
            {t('signOut')}
          </button>
        </form>
      </div>
      <NextIntlClientProvider messages={pickMessages(await getMessages(), staffClientNamespaces)}>{children}</NextIntlClientProvider>
    </div>
  );
}
