'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { LocalName } from './local-name';
import { useMe } from './use-me';

const link = 'rounded-md px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white';

/**
 * The header's account corner on every page. The server renders the sign-in link (the page may be served
 * from the page cache to anyone, and it works without JavaScript); in the browser, once /api/me answers
 * that someone is signed in, it shows their name and role and a link to where their work starts.
 */
export function HeaderUser() {
  const t = useTranslations();
  const me = useMe();
  if (!me?.signedIn) {
    return (
      <Link href="/sign-in" className={link}>
        {t('nav.signIn')}
      </Link>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-x-2 text-sm" data-testid="header-user">
      <span>
        <span className="sr-only">{t('header.signedInAs')} </span>
        <span className="font-medium"><LocalName zh={me.name} /></span> · {t(`staff.roles.${me.role}`)}
      </span>
      <Link href={me.home} className={`${link} border border-white/40`} data-testid="header-home">
        {me.home === '/change-password' ? t('header.home.changePassword') : t(`header.home.${me.role}`)}
      </Link>
    </span>
  );
}
