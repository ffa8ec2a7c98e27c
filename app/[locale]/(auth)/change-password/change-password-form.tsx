'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FormError, SubmitButton } from '@/app/_components/form';
import { idleState } from '@/lib/forms/state';
import { changePasswordAction } from '../actions';

export function ChangePasswordForm({ locale }: { locale: string }) {
  const t = useTranslations('auth');
  const [state, action] = useActionState(changePasswordAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <FormError state={state} />
      <Field name="currentPassword" label={t('currentPassword')} type="password" autoComplete="current-password" required state={state} />
      <Field name="newPassword" label={t('newPassword')} hint={t('passwordRules')} type="password" autoComplete="new-password" required state={state} />
      <SubmitButton>{t('changePassword')}</SubmitButton>
    </form>
  );
}
