import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';

// What the registry is, in a few sentences. It reads nothing from the database: rendered once and then
// served whole from the page cache, it is also the static ceiling `npm run bench` compares pages against.

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'about' });
  return { title: t('title') };
}

export default async function AboutPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('about');
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      <p className="text-slate-700">{t('openData')}</p>
    </article>
  );
}
