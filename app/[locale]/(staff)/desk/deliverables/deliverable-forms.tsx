'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { FileUploadForm } from '@/app/_components/file-upload-form';
import { ActionForm, Field, FormError, FormNotice, SubmitButton } from '@/app/_components/form';
import { FORM_ROWS } from '@/lib/forms/rows';
import { idleState } from '@/lib/forms/state';
import type { ActionState } from '@/lib/forms/action-state';
import { fieldClass } from '@/app/_components/field-class';
import { recordEvaluationAction } from '../../evaluations/actions';
import { assignEvaluatorAction, unassignEvaluatorAction } from '../../admin/evaluators/actions';
import { reviewDeliverableAction, setMilestoneStatusAction, submitDeliverableAction } from './actions';
import { IndicatorFields, type IndicatorOption } from '../indicator-fields';

const rowIndexes = Array.from({ length: FORM_ROWS }, (_, i) => i);

type Option = { id: number; label: string };

/** Fixed rows of name/value inputs: works without JavaScript. */
function NameValueRows({ prefix, legend, nameLabel, valueLabel, state, initial, max }: { prefix: string; legend: string; nameLabel: string; valueLabel: string; state: ActionState; initial?: Record<string, number>; max?: number }) {
  const t = useTranslations('validation');
  const entries = Object.entries(initial ?? {});
  const errors = Object.entries(state.fieldErrors ?? {}).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)).flatMap(([, v]) => v);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {rowIndexes.map((i) => (
        <div key={i} className="grid grid-cols-[2fr_1fr] gap-2">
          <input
            name={`${prefix}.${i}.name`}
            aria-label={`${nameLabel} ${i + 1}`}
            defaultValue={state.values?.[`${prefix}.${i}.name`] ?? entries[i]?.[0] ?? ''}
            pattern="[a-z][a-z0-9_]{0,49}"
            className={fieldClass}
            data-testid={`${prefix}-name-${i}`}
          />
          <input
            name={`${prefix}.${i}.value`}
            aria-label={`${valueLabel} ${i + 1}`}
            type="number"
            min={0}
            max={max}
            step={1}
            inputMode="numeric"
            defaultValue={state.values?.[`${prefix}.${i}.value`] ?? (entries[i] ? String(entries[i][1]) : '')}
            className={fieldClass}
            data-testid={`${prefix}-value-${i}`}
          />
        </div>
      ))}
      {errors.length ? (
        <ul className="text-sm text-red-700">
          {[...new Set(errors)].map((e) => (
            <li key={e}>{t.has(e) ? t(e) : t('invalid')}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/** `results`: what the returned version reported, by indicator code, to start the resubmission from. */
export type ResubmitOf = { id: number; title: string; periodStart: string; periodEnd: string; description: string; milestoneId: number | null; results: Record<string, string> };

/** Log a deliverable, or resubmit returned work (the earlier version stays, linked). */
export function DeliverableForm({ contractId, milestones, indicators, resubmitOf, locale }: { contractId: number; milestones: Option[]; indicators: IndicatorOption[]; resubmitOf?: ResubmitOf; locale?: string }) {
  const t = useTranslations('deliverables');
  const [state, action] = useActionState(submitDeliverableAction, idleState);
  const saved = state.status === 'ok' && state.recordId ? state.recordId : null;
  const v = (name: string, fallback = '') => state.values?.[name] ?? fallback;
  const key = resubmitOf ? `resubmit-${resubmitOf.id}` : 'new';
  const form = (
    <form action={action} className="space-y-3 rounded-md border border-slate-200 bg-white p-3" data-testid={resubmitOf ? 'resubmit-form' : 'deliverable-form'} noValidate>
      <input type="hidden" name="contractId" value={contractId} />
      {resubmitOf ? <input type="hidden" name="supersedesId" value={resubmitOf.id} /> : null}
      <FormError state={state} />
      {saved && locale ? null : <FormNotice state={state} />}
      <Field name="title" id={`${key}-title`} label={t('title')} required maxLength={200} state={state} defaultValue={v('title', resubmitOf?.title)} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="periodStart" id={`${key}-periodStart`} label={t('periodStart')} type="date" required state={state} defaultValue={v('periodStart', resubmitOf?.periodStart)} />
        <Field name="periodEnd" id={`${key}-periodEnd`} label={t('periodEnd')} type="date" required state={state} defaultValue={v('periodEnd', resubmitOf?.periodEnd)} />
      </div>
      <Field name="description" id={`${key}-description`} label={t('description')} state={state}>
        <textarea id={`${key}-description`} name="description" rows={3} maxLength={8000} className={fieldClass} defaultValue={v('description', resubmitOf?.description)} aria-label={t('description')} />
      </Field>
      {milestones.length ? (
        <Field name="milestoneId" id={`${key}-milestoneId`} label={t('milestone')} state={state}>
          <select id={`${key}-milestoneId`} name="milestoneId" className={fieldClass} defaultValue={v('milestoneId', resubmitOf?.milestoneId ? String(resubmitOf.milestoneId) : '')} aria-label={t('milestone')}>
            <option value="">—</option>
            {milestones.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <IndicatorFields prefix="result" indicators={indicators} state={state} idPrefix={`${key}-`} initial={resubmitOf?.results} />
      <SubmitButton>{resubmitOf ? t('resubmit') : t('submit')}</SubmitButton>
    </form>
  );
  // Saved: the confirmation and the file step, where the person is looking (above the emptied form).
  return (
    <div className="space-y-3">
      {saved && locale ? <SavedWithFileStep state={state} deliverableId={saved} locale={locale} /> : null}
      {form}
    </div>
  );
}

function SavedWithFileStep({ state, deliverableId, locale }: { state: ActionState; deliverableId: number; locale: string }) {
  const t = useTranslations('contractPage');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, [state]);
  return (
    <div ref={ref} tabIndex={-1} className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3 outline-none" data-testid="report-saved">
      <FormNotice state={state} />
      <p className="text-sm font-medium">{t('attachNow')}</p>
      <AttachmentForm deliverableId={deliverableId} locale={locale} />
    </div>
  );
}

/** Accept, or return with a comment (required for a return). */
export function ReviewForm({ contractId, deliverableId }: { contractId: number; deliverableId: number }) {
  const t = useTranslations('deliverables');
  const [state, action] = useActionState(reviewDeliverableAction, idleState);
  return (
    <ActionForm action={action} state={state} hiddenFields={{ contractId, deliverableId }} className="space-y-2" data-testid="review-form">
      <Field name="comment" id={`review-comment-${deliverableId}`} label={t('reviewComment')} state={state}>
        <textarea id={`review-comment-${deliverableId}`} name="comment" rows={2} maxLength={2000} className={fieldClass} aria-label={t('reviewComment')} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="decision" value="accept">
          {t('accept')}
        </SubmitButton>
        <SubmitButton name="decision" value="return" className="bg-slate-600 hover:bg-slate-800">
          {t('return')}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

export function MilestoneStatusForm({ contractId, milestoneId }: { contractId: number; milestoneId: number }) {
  const t = useTranslations('deliverables');
  const tm = useTranslations('milestone');
  const [state, action] = useActionState(setMilestoneStatusAction, idleState);
  return (
    <form action={action} className="mt-1 flex flex-wrap items-center gap-2" data-testid="milestone-status-form">
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <FormError state={state} />
      <span className="text-xs text-slate-600">{t('markMilestone')}</span>
      {(['met', 'partially_met', 'not_met'] as const).map((s) => (
        <SubmitButton key={s} name="status" value={s} className="px-2 py-1 text-xs">
          {tm(`status.${s}`)}
        </SubmitButton>
      ))}
    </form>
  );
}

/** Indicator scores 0–100; the overall score is their mean and the grade follows from it. */
export function EvaluationForm({ contractId, kinds }: { contractId: number; kinds: readonly string[] }) {
  const t = useTranslations('evaluationForm');
  const tc = useTranslations('contract');
  const [state, action] = useActionState(recordEvaluationAction, idleState);
  return (
    <ActionForm action={action} state={state} hiddenFields={{ contractId }} className="space-y-3 rounded-md border border-slate-200 bg-white p-3" data-testid="evaluation-form" noValidate>
      <Field name="evaluatorKind" label={t('kind')} state={state}>
        <select id="field-evaluatorKind" name="evaluatorKind" className={fieldClass} defaultValue={state.values?.evaluatorKind ?? kinds[0]}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {tc(`evaluatorKind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="periodStart" id="evaluation-periodStart" label={t('periodStart')} type="date" required state={state} />
        <Field name="periodEnd" id="evaluation-periodEnd" label={t('periodEnd')} type="date" required state={state} />
      </div>
      <NameValueRows prefix="scores" legend={t('scores')} nameLabel={t('indicatorName')} valueLabel={t('score')} state={state} max={100} />
      <p className="text-xs text-slate-600">{t('hint')}</p>
      <Field name="comment" id="evaluation-comment" label={t('comment')} state={state} />
      <SubmitButton>{t('record')}</SubmitButton>
    </ActionForm>
  );
}

export function AssignEvaluatorForm({ contractId, evaluators }: { contractId: number; evaluators: Option[] }) {
  const t = useTranslations('evaluationForm');
  const [state, action] = useActionState(assignEvaluatorAction, idleState);
  return (
    <ActionForm action={action} state={state} hiddenFields={{ contractId }} className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-white p-3" data-testid="assign-evaluator-form">
      <Field name="userId" label={t('evaluator')} state={state}>
        <select id="field-userId" name="userId" className={fieldClass} defaultValue="">
          <option value="">—</option>
          {evaluators.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton>{t('assign')}</SubmitButton>
    </ActionForm>
  );
}

/** Withdraws one evaluator's assignment (admins); the outcome shows beside the name. */
export function UnassignEvaluatorForm({ contractId, userId, name }: { contractId: number; userId: number; name: string }) {
  const t = useTranslations('evaluationForm');
  const [state, action] = useActionState(unassignEvaluatorAction, idleState);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2" data-testid="unassign-evaluator-form">
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className="bg-white px-2 py-1 text-xs text-brand-700 ring-1 ring-brand-700 hover:bg-brand-50">
        {t('unassign')}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      <FormError state={state} />
      <FormNotice state={state} />
    </form>
  );
}

/** A file for a deliverable awaiting review, through the attachments route handler. */
export function AttachmentForm({ deliverableId, locale }: { deliverableId: number; locale: string }) {
  const t = useTranslations('deliverables');
  return <FileUploadForm action={`/api/attachments?redirect=1&locale=${locale}`} fields={{ deliverableId }} label={t('attachFile')} button={t('uploadButton')} hint={t('attachHint')} testId="attachment-form" />;
}
