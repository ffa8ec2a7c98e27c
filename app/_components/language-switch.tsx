'use client';

import { useEffect, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';

/**
 * A plain link to the same page in the other language: works without JavaScript (the path), and with it
 * keeps the query string and the fragment too, so a filtered list stays filtered. Its accessible name
 * starts with words that say what it does and contains the visible text (WCAG 2.5.3 label in name).
 */
export function LanguageSwitch() {
  const t = useTranslations('nav');
  const th = useTranslations('header');
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const [rest, setRest] = useState('');
  useEffect(() => {
    const update = () => setRest(`${window.location.search}${window.location.hash}`);
    update();
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [pathname]);
  return (
    <Link
      href={`${pathname}${rest}`}
      locale={other}
      hrefLang={other}
      data-testid="language-switch"
      className="rounded-md border border-white/40 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    >
      <span className="sr-only">{t('switchToLabel')}{th('colon')}</span>
      <span lang={other}>{t('switchTo')}</span>
    </Link>
  );
}
