import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getEnv } from '@/lib/env';
import { Link } from '@/lib/i18n/navigation';
import { Section } from '@/app/_components/section';

// What the registry is for, what it publishes, and whom to contact. It reads nothing from the database
// (only the configured sponsor and contact): rendered once and then served whole from the page cache, it is
// also the static ceiling `npm run bench` compares pages against.

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'about' });
  return { title: t('title') };
}

export default async function AboutPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('about');
  const env = getEnv();
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      <Section headingId="about-purpose" title={t('purposeTitle')} className="space-y-2">
        <p className="text-slate-700">{t('purpose')}</p>
      </Section>
      <Section headingId="about-publishes" title={t('publishesTitle')} className="space-y-2">
        <p className="text-slate-700">{t('openData')}</p>
        <p className="text-slate-700">
          <Link href="/api-docs" className="text-brand-700 underline">{t('apiLink')}</Link> ·{' '}
          <Link href="/publication-policy" className="text-brand-700 underline">{t('policyLink')}</Link>
        </p>
      </Section>
      <Section headingId="about-contact" title={t('contactTitle')} className="space-y-2" data-testid="about-contact">
        <dl className="grid gap-1 text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="font-medium">{t('sponsor')}</dt>
          <dd>{env.SITE_SPONSOR ?? env.PUBLISHER_NAME}</dd>
          {env.SITE_CONTACT ? (
            <>
              <dt className="font-medium">{t('contact')}</dt>
              <dd>{env.SITE_CONTACT}</dd>
            </>
          ) : null}
        </dl>
        <p className="text-slate-700">
          {t('correction')} <Link href="/report" className="text-brand-700 underline">{t('reportLink')}</Link>
        </p>
      </Section>
    </article>
  );
}
