'use client';

import { signIn } from 'next-auth/react';
import { Button } from '@/app/_components/button';

/** Single sign-on runs next-auth's OpenID Connect flow (it needs JavaScript for the CSRF token). */
export function SsoButton({ locale, label }: { locale: string; label: string }) {
  return (
    <Button type="button" variant="outline" onClick={() => void signIn('oidc', { callbackUrl: `/${locale}/start` })} className="w-full px-4 py-2">
      {label}
    </Button>
  );
}
