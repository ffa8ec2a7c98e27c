import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { requirePageUser } from '@/lib/auth/current';
import { pickMessages, staffClientNamespaces } from '@/lib/i18n/client-messages';
import { roleNav } from '@/lib/auth/homes';
import { Link } from '@/lib/i18n/navigation';
import { signOutAction } from '../(auth)/actions';

// Signed-in pages read the session cookie: always rendered per request, never from the page cache.
export const dynamic = 'force-dynamic';

/** Everything under here is for signed-in users; each page checks its own permission as well. */
export default async function StaffLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  const t = await getTranslations('staff');
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
        <nav aria-label={t('navLabel')}>
          <ul className="flex flex-wrap gap-2">
            {roleNav[user.role].map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50">
                  {t(`nav.${item.label}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span data-testid="signed-in-as">
            {user.name} · {t(`roles.${user.role}`)}
            {user.orgName ? ` · ${user.orgName}` : ''}
          </span>
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
      </div>
      <NextIntlClientProvider messages={pickMessages(await getMessages(), staffClientNamespaces)}>{children}</NextIntlClientProvider>
    </div>
  );
}
