'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm, Field, SubmitButton } from '@/app/_components/form';
import { fieldClass } from '@/app/_components/field-class';
import { idleState } from '@/lib/forms/state';
import type { ActionState } from '@/lib/forms/action-state';
import { indicatorDirections, indicatorKinds } from '@/lib/results/kinds';
import { unitCodes } from '@/lib/results/units';
import { addIndicatorAction, editIndicatorAction, retireIndicatorAction } from './actions';

export type IndicatorInitial = { nameZh: string; nameEn: string; kind: string; direction: string; definitionZh: string; definitionEn: string };

function Choice({ name, id, label, options, state, initial }: { name: string; id: string; label: string; options: readonly { value: string; label: string }[]; state: ActionState; initial?: string }) {
  return (
    <Field name={name} id={id} label={label} state={state}>
      <select id={id} name={name} className={fieldClass} defaultValue={state.values?.[name] ?? initial ?? options[0]?.value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The fields both forms share: names, kind, direction, definitions (the code and unit are set once, when added). */
function CommonFields({ state, idPrefix, initial }: { state: ActionState; idPrefix?: string; initial?: IndicatorInitial }) {
  const t = useTranslations('results');
  const p = idPrefix ?? 'new';
  const v = (name: keyof IndicatorInitial) => state.values?.[name] ?? initial?.[name] ?? '';
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="nameZh" id={`${p}-nameZh`} label={t('nameZh')} required maxLength={100} state={state} defaultValue={v('nameZh')} />
        <Field name="nameEn" id={`${p}-nameEn`} label={t('nameEn')} required maxLength={200} state={state} defaultValue={v('nameEn')} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Choice name="kind" id={`${p}-kind`} label={t('kind')} state={state} initial={initial?.kind} options={indicatorKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <Choice name="direction" id={`${p}-direction`} label={t('direction')} state={state} initial={initial?.direction} options={indicatorDirections.map((k) => ({ value: k, label: t(`directions.${k}`) }))} />
      </div>
      <Field name="definitionZh" id={`${p}-definitionZh`} label={t('definitionZh')} state={state}>
        <textarea id={`${p}-definitionZh`} name="definitionZh" rows={2} maxLength={2000} className={fieldClass} defaultValue={v('definitionZh')} />
      </Field>
      <Field name="definitionEn" id={`${p}-definitionEn`} label={t('definitionEn')} state={state}>
        <textarea id={`${p}-definitionEn`} name="definitionEn" rows={2} maxLength={4000} className={fieldClass} defaultValue={v('definitionEn')} />
      </Field>
    </>
  );
}

export function AddIndicatorForm({ matterId }: { matterId: number }) {
  const t = useTranslations('results');
  const [state, action] = useActionState(addIndicatorAction, idleState);
  return (
    <ActionForm action={action} state={state} hiddenFields={{ matterId }} className="space-y-3 rounded-md border border-slate-200 bg-white p-3" noValidate data-testid="add-indicator-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="code" id="new-code" label={t('code')} required maxLength={50} autoComplete="off" hint={t('codeHint')} state={state} defaultValue={state.values?.code ?? ''} />
        <Choice name="unit" id="new-unit" label={t('unit')} state={state} options={unitCodes.map((u) => ({ value: u, label: t(`units.${u}`) }))} />
      </div>
      <CommonFields state={state} />
      <SubmitButton>{t('add')}</SubmitButton>
    </ActionForm>
  );
}

export function EditIndicatorForm({ indicatorId, initial }: { indicatorId: number; initial: IndicatorInitial }) {
  const t = useTranslations('results');
  const [state, action] = useActionState(editIndicatorAction, idleState);
  return (
    <ActionForm action={action} state={state} hiddenFields={{ indicatorId }} className="space-y-3" noValidate data-testid="edit-indicator-form">
      <CommonFields state={state} idPrefix={`indicator-${indicatorId}`} initial={initial} />
      <SubmitButton>{t('edit')}</SubmitButton>
    </ActionForm>
  );
}

export function RetireIndicatorForm({ indicatorId, matterId }: { indicatorId: number; matterId: number }) {
  const t = useTranslations('results');
  const [state, action] = useActionState(retireIndicatorAction, idleState);
  return (
    <ActionForm action={action} state={state} hiddenFields={{ indicatorId, matterId }} className="space-y-2" data-testid="retire-indicator-form">
      <p className="text-xs text-slate-600">{t('retireHint')}</p>
      <SubmitButton>{t('retire')}</SubmitButton>
    </ActionForm>
  );
}
