import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/current';
import { ChangePasswordForm } from './change-password-form';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

// Reads the session cookie: rendered per request, never cached.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'changePassword');
}

export default async function ChangePasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, { allowPasswordChange: true });
  const t = await getTranslations('auth');
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t('changePasswordTitle')}</h1>
      {user.mustChangePassword ? <p className="text-sm text-slate-700">{t('mustChangePassword')}</p> : null}
      <ChangePasswordForm locale={locale} />
    </div>
  );
}
