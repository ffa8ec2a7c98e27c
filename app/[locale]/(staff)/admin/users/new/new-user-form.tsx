'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm, Field, SubmitButton } from '@/app/_components/form';
import { UserScopeFields } from '@/app/_components/user-fields';
import { idleState } from '@/lib/forms/state';
import { createUserAction } from '../actions';

type Choice = { id: number; name: string };

export function NewUserForm({ departments, contractors }: { departments: Choice[]; contractors: Choice[] }) {
  const t = useTranslations('people');
  const [state, action] = useActionState(createUserAction, idleState);
  return (
    <ActionForm action={action} state={state} className="space-y-4" noValidate>
      {state.status === 'ok' && state.oneTimePassword ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="temporary-password">
          {t('temporaryPassword')} <code className="font-mono">{state.oneTimePassword}</code>
        </p>
      ) : null}
      <Field name="email" label={t('email')} type="email" required state={state} />
      <Field name="name" label={t('name')} required state={state} />
      <UserScopeFields state={state} departments={departments} contractors={contractors} />
      <SubmitButton>{t('create')}</SubmitButton>
    </ActionForm>
  );
}
