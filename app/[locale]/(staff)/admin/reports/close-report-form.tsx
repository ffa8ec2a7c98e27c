'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormError, FormNotice, SubmitButton } from '@/app/_components/form';
import type { ActionState } from '@/lib/forms/action-state';
import { closeErrorReportAction } from './actions';

const initial: ActionState = { status: 'idle' };

/** Closing a report needs a note: what was corrected, or why nothing was. */
export function CloseReportForm({ reportId }: { reportId: number }) {
  const t = useTranslations('reportInbox');
  const [state, action] = useActionState(closeErrorReportAction, initial);
  if (state.status === 'ok') return <FormNotice state={state} />;
  return (
    <form action={action} className="space-y-2" data-testid="close-report-form">
      <FormError state={state} />
      <input type="hidden" name="reportId" value={reportId} />
      <Field name="note" id={`note-${reportId}`} label={t('note')} hint={t('noteHint')} state={state} maxLength={2000} required />
      <SubmitButton>{t('close')}</SubmitButton>
    </form>
  );
}
