import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

// A label and its value, a count or a kind in brackets, put together in the interface: with the reader's
// punctuation (full-width in Chinese, docs/glossary.md), never a literal half-width mark next to Chinese text.

/** `：` on Chinese pages, `: ` on English ones. */
export function Colon() {
  return <>{useTranslations('header')('colon')}</>;
}

/** `，` on Chinese pages, `, ` on English ones. */
export function Comma() {
  return <>{useTranslations('header')('comma')}</>;
}

/** `（…）` on Chinese pages, `(…)` on English ones. */
export function Parens({ children }: { children: ReactNode }) {
  const t = useTranslations('header');
  return (
    <>
      {t('parenOpen')}
      {children}
      {t('parenClose')}
    </>
  );
}
