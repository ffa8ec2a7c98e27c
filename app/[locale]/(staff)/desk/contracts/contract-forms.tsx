'use client';

import { IndicatorFields, type IndicatorOption } from '../indicator-fields';
import { useLocale, useTranslations } from 'next-intl';
import { formatFen } from '@/lib/format';
import { useActionState } from 'react';
import { Field, FormError, FormNotice, SubmitButton } from '@/app/_components/form';
import { idleState } from '@/lib/forms/state';
import { fieldClass } from '@/app/_components/field-class';
import { ConfirmationPanel, ConfirmedSubmit } from '@/app/_components/confirm-step';
import { Folded } from '@/app/_components/folded';
import type { Consequences } from '@/lib/confirm/consequences';
import { ProcurementFields } from './procurement-fields';
import { decideAmendmentAction, recordPaymentAction, requestAmendmentAction, transitionContractAction } from './actions';

/**
 * One lifecycle step; steps that need a reason or comment ask for it. Irreversible or public steps
 * (`consequences` given) go through a confirmation: a dialog with JavaScript, the server's panel without.
 */
export function TransitionForm({ contractId, status, transition, needs, danger, consequences, folded }: { contractId: number; status: string; transition: string; needs: 'reason' | 'comment' | null; danger?: boolean; consequences?: Consequences | null; folded?: boolean }) {
  const t = useTranslations('contractActions');
  const tc = useTranslations('confirmStep');
  const [state, action] = useActionState(transitionContractAction, idleState);
  const locale = useLocale();
  const label = t(`steps.${transition}`);
  const reasonIsPublic = needs === 'reason' && transition !== 'cancel';
  const form = (
    <form action={action} className="space-y-2 rounded-md border border-slate-200 bg-white p-3" data-testid={`transition-${transition}`}>
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="transition" value={transition} />
      <input type="hidden" name="expectedStatus" value={status} />
      <input type="hidden" name="locale" value={locale} />
      <FormError state={state} />
      <FormNotice state={state} />
      {needs ? (
        <Field name="reason" label={t(needs === 'reason' ? 'reason' : 'comment')} hint={reasonIsPublic ? tc('reasonPublic') : undefined} state={state} id={`field-reason-${transition}`}>
          <textarea
            id={`field-reason-${transition}`}
            name="reason"
            rows={2}
            required
            defaultValue={state.values?.reason}
            className={fieldClass}
            aria-describedby={reasonIsPublic ? `field-reason-${transition}-hint` : undefined}
          />
        </Field>
      ) : null}
      <ConfirmationPanel state={state} action={label} />
      {consequences !== undefined ? (
        <ConfirmedSubmit consequences={consequences} state={state}>
          {label}
        </ConfirmedSubmit>
      ) : (
        <SubmitButton className={danger ? 'bg-red-700 hover:bg-red-900' : ''}>{label}</SubmitButton>
      )}
    </form>
  );
  return folded ? (
    <Folded summary={tc('open', { action: label })} state={state} danger testId={`open-${transition}`}>
      {form}
    </Folded>
  ) : (
    form
  );
}

export function PaymentForm({ contractId, milestones }: { contractId: number; milestones: { id: number; title: string }[] }) {
  const t = useTranslations('contractActions');
  const tf = useTranslations('contractForm');
  const locale = useLocale();
  const [state, action] = useActionState(recordPaymentAction, idleState);
  const over = state.error === 'rules.overpayment' && state.errorParams ? Math.max(0, Number(state.errorParams.value) - Number(state.errorParams.paid)) : null;
  return (
    <form action={action} className="space-y-3 rounded-md border border-slate-200 bg-white p-3" data-testid="payment-form" noValidate>
      <input type="hidden" name="contractId" value={contractId} />
      {over !== null ? (
        <p role="alert" data-testid="form-error" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {tf('overpaymentLeft', { left: formatFen(over, locale) })}
        </p>
      ) : (
        <FormError state={state} />
      )}
      <FormNotice state={state} />
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
    </form>
  );
}

/**
 * Requesting an amendment; it may carry a new record of how the contractor was chosen (`procurement`: the
 * current record as the form's values, and how many bidder rows to offer), which replaces the recorded one
 * when the amendment is approved. Sent unchanged, it changes nothing.
 */
/** `indicators` and `targets`: the contract's targets, filled in; changing one makes the amendment carry all of them (lib/results). */
export function AmendmentForm({
  contractId,
  contractorId,
  procurement,
  indicators = [],
  targets,
}: {
  contractId: number;
  contractorId: number;
  procurement: { values: Record<string, string>; bidderRows: number };
  indicators?: IndicatorOption[];
  targets?: Record<string, string>;
}) {
  const t = useTranslations('contractActions');
  const tc = useTranslations('confirmStep');
  const [state, action] = useActionState(requestAmendmentAction, { ...idleState, values: procurement.values });
  return (
    <Folded summary={tc('open', { action: t('requestAmendment') })} state={state} testId="amendment-open">
    <form action={action} className="space-y-3 rounded-md border border-slate-200 bg-white p-3" data-testid="amendment-form" noValidate>
      <input type="hidden" name="contractId" value={contractId} />
      <FormError state={state} />
      <FormNotice state={state} />
      <Field name="newValueFen" label={t('newValueYuan')} inputMode="decimal" state={state} />
      <Field name="newEndDate" label={t('newEndDate')} type="date" state={state} />
      <Field name="newTerms" label={t('newTerms')} state={state} />
      <IndicatorFields prefix="target" indicators={indicators} state={state} idPrefix="amendment-" initial={targets} />
      <Field name="rationale" label={t('rationale')} required state={state} />
      <input type="hidden" name="contractorId" value={contractorId} />
      {/* Not folded again (the form is folded already): the current record, to change or leave as it is. */}
      <div className="space-y-1 text-sm" data-testid="amendment-procurement">
        <p className="text-slate-700">{t('changeProcurement')}</p>
        <ProcurementFields state={state} bidderRows={procurement.bidderRows} />
      </div>
      <SubmitButton>{t('requestAmendment')}</SubmitButton>
    </form>
    </Folded>
  );
}

export function AmendmentDecisionForm({ contractId, amendmentId }: { contractId: number; amendmentId: number }) {
  const t = useTranslations('contractActions');
  const [state, action] = useActionState(decideAmendmentAction, idleState);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" data-testid="amendment-decision">
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="amendmentId" value={amendmentId} />
      <FormError state={state} />
      <FormNotice state={state} />
      <Field name="comment" label={t('comment')} state={state} />
      <SubmitButton name="decision" value="approve">
        {t('approveAmendment')}
      </SubmitButton>
      <SubmitButton name="decision" value="reject" className="bg-slate-600 hover:bg-slate-800">
        {t('rejectAmendment')}
      </SubmitButton>
    </form>
  );
}
