'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm, Field, SubmitButton } from '@/app/_components/form';
import { idleState } from '@/lib/forms/state';
import { fieldClass } from '@/app/_components/field-class';
import { decideAmendmentAction, recordPaymentAction, requestAmendmentAction, transitionContractAction } from './actions';

/** One lifecycle step; steps that need a reason or comment ask for it. */
export function TransitionForm({ contractId, status, transition, needs, danger }: { contractId: number; status: string; transition: string; needs: 'reason' | 'comment' | null; danger?: boolean }) {
  const t = useTranslations('contractActions');
  const [state, action] = useActionState(transitionContractAction, idleState);
  const locale = useLocale();
  return (
    <ActionForm action={action} state={state} hiddenFields={{ locale, contractId, transition, expectedStatus: status }} className="space-y-2 rounded-md border border-slate-200 bg-white p-3" data-testid={`transition-${transition}`}>
      {needs ? (
        <Field name="reason" label={t(needs === 'reason' ? 'reason' : 'comment')} state={state}>
          <textarea id={`field-reason-${transition}`} name="reason" rows={2} required className={fieldClass} aria-label={t(needs === 'reason' ? 'reason' : 'comment')} />
        </Field>
      ) : null}
      <SubmitButton className={danger ? 'bg-red-700 hover:bg-red-900' : ''}>{t(`steps.${transition}`)}</SubmitButton>
    </ActionForm>
  );
}

export function PaymentForm({ contractId, milestones }: { contractId: number; milestones: { id: number; title: string }[] }) {
  const t = useTranslations('contractActions');
  const [state, action] = useActionState(recordPaymentAction, idleState);
  return (
    <ActionForm action={action} state={state} hiddenFields={{ contractId }} className="space-y-3 rounded-md border border-slate-200 bg-white p-3" data-testid="payment-form" noValidate>
      <Field name="amountFen" label={t('amountYuan')} inputMode="decimal" required state={state} />
      <Field name="paidOn" label={t('paidOn')} type="date" required state={state} />
      {milestones.length ? (
        <Field name="milestoneId" label={t('paymentMilestone')} state={state}>
          <select id="field-milestoneId" name="milestoneId" className={fieldClass} defaultValue="">
            <option value="">—</option>
            {milestones.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <SubmitButton>{t('recordPayment')}</SubmitButton>
    </ActionForm>
  );
}

export function AmendmentForm({ contractId }: { contractId: number }) {
  const t = useTranslations('contractActions');
  const [state, action] = useActionState(requestAmendmentAction, idleState);
  return (
    <ActionForm action={action} state={state} hiddenFields={{ contractId }} className="space-y-3 rounded-md border border-slate-200 bg-white p-3" data-testid="amendment-form" noValidate>
      <Field name="newValueFen" label={t('newValueYuan')} inputMode="decimal" state={state} />
      <Field name="newEndDate" label={t('newEndDate')} type="date" state={state} />
      <Field name="newTerms" label={t('newTerms')} state={state} />
      <Field name="rationale" label={t('rationale')} required state={state} />
      <SubmitButton>{t('requestAmendment')}</SubmitButton>
    </ActionForm>
  );
}

export function AmendmentDecisionForm({ contractId, amendmentId }: { contractId: number; amendmentId: number }) {
  const t = useTranslations('contractActions');
  const [state, action] = useActionState(decideAmendmentAction, idleState);
  return (
    <ActionForm action={action} state={state} hiddenFields={{ contractId, amendmentId }} className="flex flex-wrap items-end gap-2" data-testid="amendment-decision">
      <Field name="comment" label={t('comment')} state={state} />
      <SubmitButton name="decision" value="approve">
        {t('approveAmendment')}
      </SubmitButton>
      <SubmitButton name="decision" value="reject" className="bg-slate-600 hover:bg-slate-800">
        {t('rejectAmendment')}
      </SubmitButton>
    </ActionForm>
  );
}
