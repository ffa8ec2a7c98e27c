'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { fieldClass } from '@/app/_components/field-class';
import { Field, FormError, SubmitButton } from '@/app/_components/form';
import type { ActionState } from '@/lib/forms/action-state';
import { reportedRecordTypes } from '@/lib/domain/enums';
import { submitErrorReportAction } from './actions';

const initial: ActionState = { status: 'idle' };

/** The public error report: which record, what is wrong. Works without JavaScript (a plain form post). */
export function ReportForm({ recordType, recordKey }: { recordType?: string; recordKey?: string }) {
  const t = useTranslations('report');
  const [state, action] = useActionState(submitErrorReportAction, initial);
  if (state.status === 'ok') {
    return (
      <p role="status" data-testid="report-received" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-800">
        {t('received', { number: Number(state.errorParams?.number ?? 0) })}
      </p>
    );
  }
  const value = (name: string, fallback?: string) => state.values?.[name] ?? fallback;
  return (
    <form action={action} className="space-y-4" data-testid="report-form" noValidate>
      <FormError state={state} />
      <Field name="recordType" label={t('recordType')} state={state}>
        <select id="field-recordType" name="recordType" defaultValue={value('recordType', recordType ?? 'contract')} className={fieldClass}>
          {reportedRecordTypes.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="recordKey" label={t('recordKey')} hint={t('recordKeyHint')} state={state} defaultValue={value('recordKey', recordKey)} required maxLength={60} />
      <Field name="message" label={t('message')} hint={t('messageHint')} state={state}>
        <textarea
          id="field-message"
          name="message"
          rows={6}
          maxLength={2000}
          required
          defaultValue={value('message')}
          aria-invalid={(state.fieldErrors?.message?.length ?? 0) > 0 || undefined}
          aria-describedby={(state.fieldErrors?.message?.length ?? 0) > 0 ? 'field-message-hint field-message-error' : 'field-message-hint'}
          className={fieldClass}
        />
      </Field>
      <p className="text-sm text-slate-600">{t('privacy')}</p>
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
