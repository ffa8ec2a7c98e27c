import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickMessages, publicClientNamespaces } from '@/lib/i18n/client-messages';
import { routing } from '@/lib/i18n/routing';
import { SiteFooter } from '../_components/site-footer';
import { SiteHeader } from '../_components/site-header';
import '../globals.css';

// Only the two locales exist: any other first segment is a 404 (the layout below calls notFound(); the
// proxy redirects most before they get here). No locale is listed for the build: pages that read the
// registry (the overview) must not be rendered at build time, when there is no database to read. Pages
// that do not read per request are rendered on their first request and then served whole from Next's page
// cache, expired by revalidatePublic() when a write changes what they show. Not `dynamicParams = false`: children inherit it.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'app' });
  return { title: { default: t('name'), template: `%s · ${t('shortName')}` }, description: t('tagline') };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('app');
  const messages = pickMessages(await getMessages(), publicClientNamespaces);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider messages={messages}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
            {t('skipToContent')}
          </a>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
