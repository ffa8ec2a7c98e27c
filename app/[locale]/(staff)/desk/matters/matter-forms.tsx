'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FormError, FormNotice, SubmitButton } from '@/app/_components/form';
import { matterCategories } from '@/lib/domain/enums';
import type { ActionState } from '@/lib/forms/action-state';
import { idleState } from '@/lib/forms/state';
import { fieldClass } from '@/app/_components/field-class';
import { ConfirmationPanel, ConfirmedSubmit } from '@/app/_components/confirm-step';
import { Folded } from '@/app/_components/folded';
import type { Consequences } from '@/lib/confirm/consequences';
import { changeMatterStatusAction, createMatterAction, updateMatterAction } from './actions';

export type MatterFormValues = {
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  category: string;
  legalBasis: string;
  serviceStandard: string;
  budgetYuan: string;
};

function MatterFields({ state, initial }: { state: ActionState; initial?: MatterFormValues }) {
  const t = useTranslations('matterForm');
  const tc = useTranslations('category');
  const v = (name: keyof MatterFormValues, field: string = name) => state.values?.[field] ?? initial?.[name] ?? '';
  const area = (name: keyof MatterFormValues, label: string) => (
    <Field name={name} label={label} state={state}>
      <textarea id={`field-${name}`} name={name} rows={3} defaultValue={v(name)} className={fieldClass} />
    </Field>
  );
  return (
    <>
      <Field name="titleZh" label={t('titleZh')} required defaultValue={v('titleZh')} state={state} />
      <Field name="titleEn" label={t('titleEn')} required defaultValue={v('titleEn')} state={state} />
      {area('descriptionZh', t('descriptionZh'))}
      {area('descriptionEn', t('descriptionEn'))}
      <Field name="category" label={t('category')} state={state}>
        <select id="field-category" name="category" defaultValue={v('category')} className={fieldClass}>
          {matterCategories.map((c) => (
            <option key={c} value={c}>{tc(c)}</option>
          ))}
        </select>
      </Field>
      <Field name="annualBudgetFen" label={t('budgetYuan')} inputMode="decimal" required defaultValue={v('budgetYuan', 'annualBudgetFen')} state={state} />
      {area('legalBasis', t('legalBasis'))}
      {area('serviceStandard', t('serviceStandard'))}
    </>
  );
}

export function EditMatterForm({ matterId, initial }: { matterId: number; initial: MatterFormValues }) {
  const t = useTranslations('matterForm');
  const [state, action] = useActionState(updateMatterAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate data-testid="matter-edit">
      <input type="hidden" name="matterId" value={matterId} />
      <FormError state={state} />
      <FormNotice state={state} />
      <MatterFields state={state} initial={initial} />
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}

export function NewMatterForm({ locale, departments }: { locale: string; departments?: { id: number; name: string }[] }) {
  const t = useTranslations('matterForm');
  const [state, action] = useActionState(createMatterAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <FormError state={state} />
      <Field name="code" label={t('code')} hint={t('codeHint')} required state={state} />
      {departments ? (
        <Field name="departmentId" label={t('department')} state={state}>
          <select id="field-departmentId" name="departmentId" required defaultValue={state.values?.departmentId ?? ''} className={fieldClass}>
            <option value="">{t('chooseDepartment')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </select>
        </Field>
      ) : null}
      <MatterFields state={state} />
      <SubmitButton>{t('create')}</SubmitButton>
    </form>
  );
}

export function MatterStatusForm({ matterId, to, consequences }: { matterId: number; to: string; consequences?: Consequences | null }) {
  const t = useTranslations('matterForm');
  const tc = useTranslations('confirmStep');
  const [state, action] = useActionState(changeMatterStatusAction, idleState);
  const withdraw = to === 'withdrawn';
  const label = t(`to.${to}`);
  const form = (
    <form action={action} className="space-y-2 rounded-md border border-slate-200 bg-white p-3" data-testid={`matter-status-${to}`}>
      <input type="hidden" name="matterId" value={matterId} />
      <input type="hidden" name="to" value={to} />
      <FormError state={state} />
      <FormNotice state={state} />
      {withdraw ? <Field name="reason" label={t('withdrawReason')} hint={tc('reasonPublic')} required defaultValue={state.values?.reason} state={state} /> : null}
      <ConfirmationPanel state={state} action={label} />
      {withdraw ? (
        <ConfirmedSubmit consequences={consequences ?? null} state={state}>
          {label}
        </ConfirmedSubmit>
      ) : (
        <SubmitButton>{label}</SubmitButton>
      )}
    </form>
  );
  // Withdrawal is rare and public: it opens from a button, and the page puts that button last.
  return withdraw ? (
    <Folded summary={tc('open', { action: label })} state={state} danger testId="open-withdrawn">
      {form}
    </Folded>
  ) : (
    form
  );
}
