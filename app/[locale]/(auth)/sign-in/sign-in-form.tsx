'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FormError, SubmitButton } from '@/app/_components/form';
import { idleState } from '@/lib/forms/state';
import { signInAction } from '../actions';

export function SignInForm({ locale }: { locale: string }) {
  const t = useTranslations('auth');
  const [state, action] = useActionState(signInAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <FormError state={state} />
      <Field name="email" label={t('email')} type="email" autoComplete="username" required state={state} />
      <Field name="password" label={t('password')} type="password" autoComplete="current-password" required state={state} />
      <SubmitButton className="w-full">{t('signIn')}</SubmitButton>
    </form>
  );
}
