import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { HeaderUser } from './header-user';
import { LanguageSwitch } from './language-switch';
import { NavLink } from './nav-link';

const publicLinks = [
  { href: '/', key: 'overview' },
  { href: '/matters', key: 'matters' },
  { href: '/contractors', key: 'contractors' },
  { href: '/api-docs', key: 'apiDocs' },
] as const;

export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold hover:underline">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.language')} className="flex items-center gap-3">
          <HeaderUser />
          <LanguageSwitch />
        </nav>
      </div>
      <nav aria-label={t('nav.main')} className="border-t border-white/20">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 gap-y-1 px-2 py-1.5 text-sm">
          {publicLinks.map((l) => (
            <li key={l.key}>
              <NavLink href={l.href} className="inline-block rounded-md px-2 py-1.5 font-medium text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white aria-[current=page]:underline aria-[current=page]:underline-offset-4">
                {t(`nav.${l.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
