import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/current';
import { isSsoEnabled } from '@/lib/auth/config';
import { getEnv } from '@/lib/env';
import { SignInForm } from './sign-in-form';
import { SsoButton } from './sso-button';

// Reads the request (session, error and callback parameters): rendered per request, never cached.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  return { title: t('signInTitle') };
}

const ssoErrors = ['unknown_identity', 'email_not_verified', 'disabled', 'AccessDenied', 'OAuthCallback', 'Callback', 'OAuthSignin'] as const;

export default async function SignInPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ error?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  if (await getSessionUser()) redirect(`/${locale}/start`);
  const { error } = await searchParams;
  const t = await getTranslations('auth');
  const ssoError = ssoErrors.find((e) => e === error);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t('signInTitle')}</h1>
      {ssoError ? (
        <div role="alert" data-testid="sso-error" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t(`sso.${ssoError}`)}
        </div>
      ) : null}
      <SignInForm locale={locale} />
      {isSsoEnabled() ? (
        <div className="space-y-2 border-t border-slate-200 pt-4">
          <SsoButton locale={locale} label={t('ssoButton', { name: getEnv().OIDC_NAME })} />
        </div>
      ) : null}
      {getEnv().REGISTRY_MODE === 'demo' ? <p className="text-sm text-slate-600">{t('demoHint')}</p> : null}
    </div>
  );
}
