'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm, Field, SubmitButton } from '@/app/_components/form';
import { departmentKinds } from '@/lib/domain/enums';
import { idleState } from '@/lib/forms/state';
import { fieldClass } from '@/app/_components/field-class';
import { updateDepartmentAction } from '../actions';

export type EditableDepartment = { id: number; nameZh: string; nameEn: string; kind: string; creditCode: string | null };

/** Names, kind and unified social credit code of a department (the department code does not change). */
export function EditDepartmentForm({ department }: { department: EditableDepartment }) {
  const t = useTranslations('departments');
  const [state, action] = useActionState(updateDepartmentAction, idleState);
  const v = (name: 'nameZh' | 'nameEn' | 'kind' | 'creditCode') => state.values?.[name] ?? department[name] ?? '';
  return (
    <ActionForm action={action} state={state} hiddenFields={{ departmentId: department.id }} className="space-y-4" noValidate>
      <Field name="nameZh" label={t('nameZh')} required defaultValue={v('nameZh')} state={state} />
      <Field name="nameEn" label={t('nameEn')} required defaultValue={v('nameEn')} state={state} />
      <Field name="kind" label={t('kindLabel')} state={state}>
        <select id="field-kind" name="kind" defaultValue={v('kind')} className={fieldClass}>
          {departmentKinds.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
        </select>
      </Field>
      <Field name="creditCode" label={t('creditCode')} hint={t('creditCodeHint')} maxLength={18} autoComplete="off" spellCheck={false} defaultValue={v('creditCode')} state={state} />
      <SubmitButton>{t('save')}</SubmitButton>
    </ActionForm>
  );
}
