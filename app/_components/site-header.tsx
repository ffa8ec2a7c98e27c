import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { LanguageSwitch } from './language-switch';

export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold hover:underline">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.language')} className="flex items-center gap-3">
          <Link href="/sign-in" className="rounded-md px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10">
            {t('nav.signIn')}
          </Link>
          <LanguageSwitch />
        </nav>
      </div>
    </header>
  );
}
