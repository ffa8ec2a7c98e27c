import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getEnv } from '@/lib/env';
import { Link } from '@/lib/i18n/navigation';
import { Section } from '@/app/_components/section';

// What the registry publishes, when, in which formats and under which licence; what it withholds and why;
// how to ask for a correction. The OCDS packages name this page as their publicationPolicy
// (lib/ocds/packages.ts). It reads no database, but it states the licence and publisher in force, which
// come from the environment: rendered per request, it always shows the configured ones and carries the
// per-request CSP nonce (only the routes in lib/security/csp.ts PAGE_CACHED_ROUTES are served page-cached).
export const dynamic = 'force-dynamic';

/** The licence the registry uses unless OCDS_LICENSE names another; named in words on this page. */
const CC_BY_4 = 'https://creativecommons.org/licenses/by/4.0/';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'publicationPolicy' });
  return { title: t('title') };
}

const link = 'text-brand-700 underline';

export default async function PublicationPolicyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('publicationPolicy');
  const env = getEnv();
  const licence = env.OCDS_LICENSE;
  const licenceLink = (chunks: ReactNode) => (
    <a href={licence} className={`break-all ${link}`} rel="license">
      {chunks}
    </a>
  );

  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-700">{t('intro')}</p>
      </header>

      <PolicySection id="published" heading={t('publishedHeading')}>
        <ul className="list-disc space-y-1 pl-5">
          {(['catalogue', 'contractors', 'contracts', 'progress', 'evaluations', 'amendments', 'audit'] as const).map((k) => (
            <li key={k}>{t(`published.${k}`)}</li>
          ))}
        </ul>
      </PolicySection>

      <PolicySection id="when" heading={t('whenHeading')}>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t('when.immediately')}</li>
          <li>{t('when.releases')}</li>
          <li>
            {t.rich('when.checkpoints', {
              link: (chunks) => (
                <Link href="/checkpoints" className={link}>
                  {chunks}
                </Link>
              ),
            })}
          </li>
        </ul>
      </PolicySection>

      <PolicySection id="formats" heading={t('formatsHeading')}>
        <ul className="list-disc space-y-1 pl-5">
          {(['pages', 'api', 'downloads', 'ocds'] as const).map((k) => (
            <li key={k}>{t(`formats.${k}`)}</li>
          ))}
        </ul>
        <p>
          {t.rich('formatsLink', {
            link: (chunks) => (
              <Link href="/api-docs" className={link}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      </PolicySection>

      <PolicySection id="licence" heading={t('licenceHeading')}>
        <p data-testid="licence">{licence === CC_BY_4 ? t.rich('licenceDefault', { url: licence, link: licenceLink }) : t.rich('licenceOther', { url: licence, link: licenceLink })}</p>
        {licence === CC_BY_4 ? <p>{t('licenceWhy')}</p> : null}
        <p>{t('attribution', { name: env.PUBLISHER_NAME, code: env.PUBLISHER_CREDIT_CODE })}</p>
        <p className="text-slate-600">{t('licenceConfigurable')}</p>
      </PolicySection>

      <PolicySection id="withheld" heading={t('withheldHeading')}>
        <p>{t('withheldIntro')}</p>
        <ul className="list-disc space-y-1 pl-5">
          {(['personal', 'comments', 'unfinished', 'attachments'] as const).map((k) => (
            <li key={k}>{t(`withheld.${k}`)}</li>
          ))}
        </ul>
        <p>{t('whyPersonal')}</p>
        <p>{t('whyUnfinished')}</p>
      </PolicySection>

      <PolicySection id="corrections" heading={t('correctionsHeading')}>
        <p>
          {t.rich('corrections', {
            name: env.PUBLISHER_NAME,
            link: (chunks) => (
              <Link href="/about" className={link}>
                {chunks}
              </Link>
            ),
          })}
        </p>
        <p>{t('correctionsHistory')}</p>
      </PolicySection>
    </article>
  );
}

/** A section of the policy (its heading a shade darker than the text). */
function PolicySection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <Section headingId={id} title={heading} headingClassName="text-lg font-semibold text-slate-900" className="space-y-2 text-slate-800">
      {children}
    </Section>
  );
}
