'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FormError, FormNotice, SubmitButton } from '@/app/_components/form';
import { UserScopeFields } from '@/app/_components/user-fields';
import { idleState } from '@/lib/forms/state';
import { ConfirmationPanel, ConfirmedSubmit } from '@/app/_components/confirm-step';
import type { Consequences } from '@/lib/confirm/consequences';
import { resetPasswordAction, setUserDisabledAction, updateUserAction } from '../actions';

type Choice = { id: number; name: string };
type EditableUser = { id: number; name: string; role: string; departmentId: number | null; contractorId: number | null; disabled: boolean };

export function EditUserForms({ user, departments, contractors, disableConsequences }: { user: EditableUser; departments: Choice[]; contractors: Choice[]; disableConsequences?: Consequences | null }) {
  const t = useTranslations('people');
  const [updateState, update] = useActionState(updateUserAction, idleState);
  const [disableState, setDisabled] = useActionState(setUserDisabledAction, idleState);
  const [resetState, reset] = useActionState(resetPasswordAction, idleState);
  return (
    <div className="space-y-8">
      <form action={update} className="space-y-4" noValidate>
        <input type="hidden" name="userId" value={user.id} />
        <FormError state={updateState} />
        <FormNotice state={updateState} />
        <Field name="name" label={t('name')} defaultValue={updateState.values?.name ?? user.name} required state={updateState} />
        <UserScopeFields state={updateState} departments={departments} contractors={contractors} defaults={user} />
        <SubmitButton>{t('save')}</SubmitButton>
      </form>
      <form action={setDisabled} className="space-y-2 border-t border-slate-200 pt-4">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
        <FormError state={disableState} />
        <FormNotice state={disableState} />
        <ConfirmationPanel state={disableState} action={t('disable')} />
        {user.disabled ? (
          <SubmitButton>{t('enable')}</SubmitButton>
        ) : (
          <ConfirmedSubmit consequences={disableConsequences ?? null} state={disableState}>
            {t('disable')}
          </ConfirmedSubmit>
        )}
      </form>
      <form action={reset} className="space-y-2 border-t border-slate-200 pt-4">
        <input type="hidden" name="userId" value={user.id} />
        <FormError state={resetState} />
        <FormNotice state={resetState} />
        {resetState.status === 'ok' && resetState.oneTimePassword ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="temporary-password">
            {t('temporaryPassword')} <code className="font-mono">{resetState.oneTimePassword}</code>
          </p>
        ) : null}
        <SubmitButton>{t('resetPassword')}</SubmitButton>
      </form>
    </div>
  );
}
