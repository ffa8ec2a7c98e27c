import { getTranslations } from 'next-intl/server';
import { getEnv } from '@/lib/env';
import { Link } from '@/lib/i18n/navigation';

/**
 * Every page's footer: the registry's own pages, and what a Chinese government website carries — its
 * sponsor (主办单位), contact, website identification code (网站标识码) and ICP filing number — from
 * configuration, each shown when set (demo mode sets clearly fictional values).
 */
export async function SiteFooter() {
  const t = await getTranslations('app');
  const tf = await getTranslations('footer');
  const env = getEnv();
  const furniture = [
    ['sponsor', env.SITE_SPONSOR],
    ['contact', env.SITE_CONTACT],
    ['siteId', env.SITE_ID_CODE],
  ] as const;
  return (
    <footer className="mx-auto max-w-6xl space-y-2 px-4 pb-8 text-sm text-slate-600" data-testid="site-footer">
      <nav aria-label={tf('pages')} className="flex flex-wrap gap-x-4 gap-y-1">
        <span>{t('footer')}</span>
        <Link href="/checkpoints" className="underline">
          {t('checkpoints')}
        </Link>
        <Link href="/about" className="underline">
          {t('about')}
        </Link>
        <Link href="/publication-policy" className="underline">
          {t('publicationPolicy')}
        </Link>
        <Link href="/report" className="underline">
          {tf('report')}
        </Link>
      </nav>
      <dl className="flex flex-wrap gap-x-4 gap-y-1">
        {furniture.map(([key, value]) =>
          value ? (
            <div key={key} className="flex gap-1">
              <dt>{tf(key)}</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
        {env.ICP_NUMBER ? (
          <div className="flex gap-1">
            <dt className="sr-only">{tf('icp')}</dt>
            <dd>
              <a href="https://beian.miit.gov.cn/" rel="noopener noreferrer" className="underline">
                {env.ICP_NUMBER}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </footer>
  );
}
