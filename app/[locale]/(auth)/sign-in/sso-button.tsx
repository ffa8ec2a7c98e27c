'use client';

import { signIn } from 'next-auth/react';

/** Single sign-on runs next-auth's OpenID Connect flow (it needs JavaScript for the CSRF token). */
export function SsoButton({ locale, label }: { locale: string; label: string }) {
  return (
    <button
      type="button"
      onClick={() => void signIn('oidc', { callbackUrl: `/${locale}/start` })}
      className="w-full rounded-md border border-brand-700 px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
    >
      {label}
    </button>
  );
}
