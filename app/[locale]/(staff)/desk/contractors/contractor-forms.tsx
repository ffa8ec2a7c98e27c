'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm, Field, FormError, SubmitButton } from '@/app/_components/form';
import { contractorKinds } from '@/lib/domain/enums';
import type { ActionState } from '@/lib/forms/action-state';
import { idleState } from '@/lib/forms/state';
import { fieldClass } from '@/app/_components/field-class';
import { changeVerificationAction, createContractorAction, updateContractorAction } from './actions';

export type ContractorProfile = { nameZh: string; nameEn: string; kind: string; legalRepresentative: string; contactPhone: string; contactEmail: string; qualifications: string };

function ProfileFields({ state, initial }: { state: ActionState; initial?: ContractorProfile }) {
  const t = useTranslations('contractorForm');
  const tk = useTranslations('contractorKindOne');
  const v = (name: keyof ContractorProfile) => state.values?.[name] ?? initial?.[name] ?? '';
  return (
    <>
      <Field name="nameZh" label={t('nameZh')} required defaultValue={v('nameZh')} state={state} />
      <Field name="nameEn" label={t('nameEn')} required defaultValue={v('nameEn')} state={state} />
      <Field name="kind" label={t('kind')} state={state}>
        <select id="field-kind" name="kind" defaultValue={v('kind')} className={fieldClass}>
          {contractorKinds.map((k) => <option key={k} value={k}>{tk(k)}</option>)}
        </select>
      </Field>
      <Field name="legalRepresentative" label={t('legalRepresentative')} required defaultValue={v('legalRepresentative')} state={state} />
      <Field name="contactPhone" label={t('contactPhone')} type="tel" defaultValue={v('contactPhone')} state={state} />
      <Field name="contactEmail" label={t('contactEmail')} type="email" defaultValue={v('contactEmail')} state={state} />
      <Field name="qualifications" label={t('qualifications')} state={state}>
        <textarea id="field-qualifications" name="qualifications" rows={2} defaultValue={v('qualifications')} className={fieldClass} />
      </Field>
    </>
  );
}

export function NewContractorForm({ locale }: { locale: string }) {
  const t = useTranslations('contractorForm');
  const [state, action] = useActionState(createContractorAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <FormError state={state} />
      <Field name="creditCode" label={t('creditCode')} hint={t('creditCodeHint')} required maxLength={18} state={state} />
      <ProfileFields state={state} />
      <SubmitButton>{t('create')}</SubmitButton>
    </form>
  );
}

export function EditContractorForm({ contractorId, initial }: { contractorId: number; initial: ContractorProfile }) {
  const t = useTranslations('contractorForm');
  const [state, action] = useActionState(updateContractorAction, idleState);
  return (
    <ActionForm action={action} state={state} hiddenFields={{ contractorId }} className="space-y-4" noValidate>
      <ProfileFields state={state} initial={initial} />
      <SubmitButton>{t('save')}</SubmitButton>
    </ActionForm>
  );
}

export function VerificationForm({ contractorId, to }: { contractorId: number; to: string }) {
  const t = useTranslations('contractorForm');
  const [state, action] = useActionState(changeVerificationAction, idleState);
  const needsReason = to === 'suspended' || to === 'debarred';
  return (
    <ActionForm action={action} state={state} hiddenFields={{ contractorId, to }} className="space-y-2 rounded-md border border-slate-200 bg-white p-3" data-testid={`verify-${to}`}>
      {needsReason ? <Field name="reason" label={t('reason')} required state={state} /> : null}
      <SubmitButton className={needsReason ? 'bg-red-700 hover:bg-red-900' : ''}>{t(`to.${to}`)}</SubmitButton>
    </ActionForm>
  );
}
