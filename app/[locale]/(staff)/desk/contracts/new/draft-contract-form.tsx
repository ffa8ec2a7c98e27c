'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FormError, SubmitButton } from '@/app/_components/form';
import { milestoneTypes } from '@/lib/domain/enums';
import { idleState } from '@/lib/forms/state';
import { fieldClass } from '@/app/_components/field-class';
import { draftContractAction, editDraftContractAction } from '../actions';

/** Drafting a contract; with `edit`, the same form and checks edit an existing draft, its fields filled in. */
export function DraftContractForm({ locale, matterId, renewalOfId, contractors, edit }: { locale: string; matterId: number; renewalOfId?: number; contractors: { id: number; name: string }[]; edit?: { contractId: number; values: Record<string, string>; submitLabel: string; milestoneRows: number } }) {
  const t = useTranslations('draft');
  const tm = useTranslations('milestone');
  const [state, action] = useActionState(edit ? editDraftContractAction : draftContractAction, edit ? { ...idleState, values: edit.values } : idleState);
  const v = (name: string) => state.values?.[name];
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="matterId" value={matterId} />
      {renewalOfId ? <input type="hidden" name="renewalOfId" value={renewalOfId} /> : null}
      {edit ? <input type="hidden" name="contractId" value={edit.contractId} /> : null}
      {edit ? <input type="hidden" name="milestoneRows" value={edit.milestoneRows} /> : null}
      <FormError state={state} />
      <Field name="contractorId" label={t('contractor')} state={state}>
        <select id="field-contractorId" name="contractorId" required defaultValue={v('contractorId') ?? ''} className={fieldClass}>
          <option value="">—</option>
          {contractors.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </Field>
      <Field name="valueFen" label={t('valueYuan')} inputMode="decimal" required state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="startDate" label={t('startDate')} type="date" required state={state} />
        <Field name="endDate" label={t('endDate')} type="date" required state={state} />
      </div>
      <Field name="justification" label={t('justification')} hint={t('justificationHint')} state={state} />
      <Field name="terms" label={t('terms')} state={state}>
        <textarea id="field-terms" name="terms" rows={3} defaultValue={v('terms')} className={fieldClass} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('milestones')}</legend>
        {Array.from({ length: edit?.milestoneRows ?? 4 }, (_, i) => i).map((i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-3">
            <input name={`milestones.${i}.title`} aria-label={t('milestoneTitle', { n: i + 1 })} placeholder={t('milestoneTitle', { n: i + 1 })} defaultValue={v(`milestones.${i}.title`)} className={fieldClass} />
            <select name={`milestones.${i}.type`} aria-label={t('milestoneType', { n: i + 1 })} defaultValue={v(`milestones.${i}.type`) ?? 'delivery'} className={fieldClass}>
              {milestoneTypes.map((m) => (
                <option key={m} value={m}>{tm(`type.${m}`)}</option>
              ))}
            </select>
            <input name={`milestones.${i}.dueDate`} type="date" aria-label={t('milestoneDue', { n: i + 1 })} defaultValue={v(`milestones.${i}.dueDate`)} className={fieldClass} />
            {(state.fieldErrors?.[`milestones.${i}.dueDate`] ?? []).length ? <p className="text-sm text-red-700 sm:col-span-3">{t('milestoneOutside')}</p> : null}
          </div>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="noSubcontractDeclared" className="mt-1" aria-describedby="declaration-error" defaultChecked={v('noSubcontractDeclared') === 'on'} />
          <span>{t('declaration')}</span>
        </label>
        {state.fieldErrors?.noSubcontractDeclared ? <p id="declaration-error" className="text-sm text-red-700">{t('declarationRequired')}</p> : null}
      </div>
      <SubmitButton>{edit ? edit.submitLabel : t('save')}</SubmitButton>
    </form>
  );
}
