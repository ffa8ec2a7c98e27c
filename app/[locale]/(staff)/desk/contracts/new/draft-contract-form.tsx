'use client';

import { useTranslations } from 'next-intl';
import { Label } from 'radix-ui';
import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { SubmitButton } from '@/app/_components/form';
import { milestoneTypes } from '@/lib/domain/enums';
import type { ActionState } from '@/lib/forms/action-state';
import { idleState } from '@/lib/forms/state';
import { fieldClass } from '@/app/_components/field-class';
import { draftContractAction, editDraftContractAction } from '../actions';
import { ProcurementFields } from '../procurement-fields';
import { IndicatorFields, type IndicatorOption } from '../../indicator-fields';

const ROWS = [0, 1, 2, 3];

/** The id of a field's input (the error summary links to it). */
const fieldId = (name: string) => `field-${name.replaceAll('.', '-')}`;

type Contractor = { id: number; name: string; search: string };

/**
 * What the person should do about an error, in words: a missing value says what to enter or choose; other
 * errors keep their rule's message (validation.*). Keys of the draft form's own messages: contractForm.*.
 */
function useErrorText(state: ActionState) {
  const t = useTranslations('contractForm');
  const tv = useTranslations('validation');
  const td = useTranslations('draft');
  return (name: string): string[] => {
    const keys = state.fieldErrors?.[name] ?? [];
    if (!keys.length) return [];
    const empty = !(state.values?.[name] ?? '').trim();
    const row = /^milestones\.(\d+)\.(\w+)$/.exec(name);
    if (row) {
      const [, i, part] = row;
      const n = Number(i) + 1;
      if (part === 'dueDate' && empty) return [t('enterDueDate', { n })];
      if (part === 'dueDate' && keys.includes('outside_period')) return [td('milestoneOutside')];
      if (part === 'title' && empty) return [t('enterMilestoneTitle', { n })];
      if (part === 'type') return [t('chooseMilestoneType', { n })];
    }
    if (empty && t.has(`missing.${name}`)) return [t(`missing.${name}`)];
    if (name === 'contractorId') return [t('missing.contractorId')];
    if (name === 'valueFen' && keys.some((k) => k !== 'required')) return [t('valueFormat')];
    return keys.map((k) => (tv.has(k) ? tv(k, (state.errorParams ?? {}) as Record<string, string | number>) : tv('invalid')));
  };
}

function DraftField({ name, label, errors, hint, children }: { name: string; label: string; errors: string[]; hint?: string; children: ReactNode }) {
  const id = fieldId(name);
  return (
    <div className="space-y-1">
      <Label.Root htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </Label.Root>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <ul id={`${id}-error`} className="text-sm text-red-700">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const describedBy = (name: string, errors: string[], hint = false) => [hint ? `${fieldId(name)}-hint` : null, errors.length ? `${fieldId(name)}-error` : null].filter(Boolean).join(' ') || undefined;

/**
 * Drafting a contract. Nothing typed is lost: the contractor picker filters as one types (JavaScript), and
 * without JavaScript its Search button goes through the form's own action, which sends every field back.
 * After a refusal, a summary at the top lists each error and links to its field.
 */
/** Drafting a contract; with `edit`, the same form and checks edit an existing draft, its fields filled in. */
export function DraftContractForm({
  locale,
  matterId,
  renewalOfId,
  contractors,
  initialQuery = '',
  edit,
  indicators = [],
}: {
  locale: string;
  matterId: number;
  renewalOfId?: number;
  contractors: Contractor[];
  initialQuery?: string;
  edit?: { contractId: number; values: Record<string, string>; submitLabel: string; milestoneRows: number; bidderRows: number };
  /** The matter's indicators, each with a target field (lib/results). */
  indicators?: IndicatorOption[];
}) {
  const t = useTranslations('draft');
  const tf = useTranslations('contractForm');
  const tp = useTranslations('procurement');
  const te = useTranslations('errors');
  const tm = useTranslations('milestone');
  const tr = useTranslations('results');
  const [state, action] = useActionState(edit ? editDraftContractAction : draftContractAction, edit ? { ...idleState, values: edit.values } : idleState);
  const v = (name: string) => state.values?.[name];
  const errorText = useErrorText(state);
  const [query, setQuery] = useState(v('q') ?? initialQuery);
  const [chosen, setChosen] = useState(v('contractorId') ?? (contractors.length === 1 && renewalOfId ? String(contractors[0]!.id) : ''));
  // A search sent without JavaScript comes back as the form's state: show its query and keep the choice.
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.values?.q !== undefined) setQuery(state.values.q);
    if (state.values?.contractorId !== undefined) setChosen(state.values.contractorId);
  }
  const needle = query.trim().toLowerCase();
  const shown = contractors.filter((c) => String(c.id) === chosen || !needle || c.search.includes(needle));

  const labels: Record<string, string> = {
    contractorId: t('contractor'),
    valueFen: t('valueYuan'),
    startDate: t('startDate'),
    endDate: t('endDate'),
    justification: t('justification'),
    terms: t('terms'),
    noSubcontractDeclared: tf('declarationLabel'),
    ...Object.fromEntries(indicators.map((i) => [`target_${i.code}`, tr('targetLabel', { name: i.name, unit: i.unit })])),
  };
  const labelOf = (name: string) => {
    const own = /^procurement\.(\w+)$/.exec(name);
    if (own) return tp.has(own[1]!) ? tp(own[1]!) : tp('heading');
    if (name.startsWith('procurement.')) return tp('bidders');
    const row = /^milestones\.(\d+)\.(\w+)$/.exec(name);
    if (row) return tf(`row.${row[2] === 'dueDate' ? 'dueDate' : row[2] === 'type' ? 'type' : 'title'}Of`, { n: Number(row[1]) + 1 });
    return labels[name] ?? name;
  };
  const errorNames = Object.keys(state.fieldErrors ?? {}).filter((n) => (state.fieldErrors?.[n] ?? []).length);

  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') summaryRef.current?.focus();
  }, [state]);

  return (
    <form action={action} className="space-y-4" noValidate data-testid="draft-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="matterId" value={matterId} />
      {renewalOfId ? <input type="hidden" name="renewalOfId" value={renewalOfId} /> : null}
      {edit ? <input type="hidden" name="contractId" value={edit.contractId} /> : null}
      {edit ? <input type="hidden" name="milestoneRows" value={edit.milestoneRows} /> : null}
      {/* Enter in any field saves (a form's first submit button is its default), not the search below. */}
      <button type="submit" tabIndex={-1} aria-hidden className="sr-only">
        {t('save')}
      </button>
      {state.status === 'error' ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="space-y-1 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="error-summary">
          <p className="font-medium">{errorNames.length ? tf('summary', { count: errorNames.length }) : te.has(state.error ?? '') ? te(state.error!, (state.errorParams ?? {}) as Record<string, string | number>) : te('codes.validation')}</p>
          {errorNames.length ? (
            <ul className="list-disc ps-5">
              {errorNames.map((n) => (
                <li key={n}>
                  <a href={`#${fieldId(n)}`} className="underline">
                    {labelOf(n)}: {errorText(n).join(' ')}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {state.errorId ? <p className="font-mono text-xs">ID: {state.errorId}</p> : null}
        </div>
      ) : null}

      {renewalOfId ? null : (
        <div className="space-y-1">
          <Label.Root htmlFor="field-q" className="block text-sm font-medium text-slate-800">
            {t('searchContractor')}
          </Label.Root>
          <div className="flex flex-wrap gap-2">
            <input
              id="field-q"
              name="q"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-controls="field-contractorId"
              autoComplete="off"
              className={`${fieldClass} max-w-xs flex-1`}
            />
            <button type="submit" name="intent" value="search" formNoValidate className="rounded-md border border-slate-300 px-3 py-2 text-sm">
              {t('search')}
            </button>
          </div>
          <p className="text-xs text-slate-600" aria-live="polite" data-testid="contractor-matches">
            {tf('matches', { count: shown.length })}
          </p>
        </div>
      )}
      <DraftField name="contractorId" label={t('contractor')} errors={errorText('contractorId')}>
        <select
          id="field-contractorId"
          name="contractorId"
          required
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          aria-invalid={errorText('contractorId').length > 0 || undefined}
          aria-describedby={describedBy('contractorId', errorText('contractorId'))}
          className={fieldClass}
        >
          <option value="">{tf('chooseContractor')}</option>
          {shown.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </DraftField>
      <DraftField name="valueFen" label={t('valueYuan')} errors={errorText('valueFen')}>
        <input id="field-valueFen" name="valueFen" inputMode="decimal" required defaultValue={v('valueFen')} aria-invalid={errorText('valueFen').length > 0 || undefined} aria-describedby={describedBy('valueFen', errorText('valueFen'))} className={fieldClass} />
      </DraftField>
      <div className="grid gap-4 sm:grid-cols-2">
        <DraftField name="startDate" label={t('startDate')} errors={errorText('startDate')}>
          <input id="field-startDate" name="startDate" type="date" required defaultValue={v('startDate')} aria-invalid={errorText('startDate').length > 0 || undefined} aria-describedby={describedBy('startDate', errorText('startDate'))} className={fieldClass} />
        </DraftField>
        <DraftField name="endDate" label={t('endDate')} errors={errorText('endDate')}>
          <input id="field-endDate" name="endDate" type="date" required defaultValue={v('endDate')} aria-invalid={errorText('endDate').length > 0 || undefined} aria-describedby={describedBy('endDate', errorText('endDate'))} className={fieldClass} />
        </DraftField>
      </div>
      <DraftField name="justification" label={t('justification')} hint={t('justificationHint')} errors={errorText('justification')}>
        <input id="field-justification" name="justification" defaultValue={v('justification')} aria-describedby={describedBy('justification', errorText('justification'), true)} className={fieldClass} />
      </DraftField>
      <DraftField name="terms" label={t('terms')} errors={errorText('terms')}>
        <textarea id="field-terms" name="terms" rows={3} defaultValue={v('terms')} aria-describedby={describedBy('terms', errorText('terms'))} className={fieldClass} />
      </DraftField>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t('milestones')}</legend>
        {(edit ? Array.from({ length: edit.milestoneRows }, (_, i) => i) : ROWS).map((i) => (
          <fieldset key={i} className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-3" data-testid="milestone-row">
            <legend className="px-1 text-xs font-medium text-slate-700">{tf('row.legend', { n: i + 1 })}</legend>
            <DraftField name={`milestones.${i}.title`} label={tf('row.title')} errors={errorText(`milestones.${i}.title`)}>
              <input id={fieldId(`milestones.${i}.title`)} name={`milestones.${i}.title`} defaultValue={v(`milestones.${i}.title`)} aria-describedby={describedBy(`milestones.${i}.title`, errorText(`milestones.${i}.title`))} className={fieldClass} />
            </DraftField>
            <DraftField name={`milestones.${i}.type`} label={tf('row.type')} errors={errorText(`milestones.${i}.type`)}>
              <select id={fieldId(`milestones.${i}.type`)} name={`milestones.${i}.type`} defaultValue={v(`milestones.${i}.type`) ?? 'delivery'} aria-describedby={describedBy(`milestones.${i}.type`, errorText(`milestones.${i}.type`))} className={fieldClass}>
                {milestoneTypes.map((m) => (
                  <option key={m} value={m}>
                    {tm(`type.${m}`)}
                  </option>
                ))}
              </select>
            </DraftField>
            <DraftField name={`milestones.${i}.dueDate`} label={tf('row.dueDate')} errors={errorText(`milestones.${i}.dueDate`)}>
              <input id={fieldId(`milestones.${i}.dueDate`)} name={`milestones.${i}.dueDate`} type="date" defaultValue={v(`milestones.${i}.dueDate`)} aria-invalid={errorText(`milestones.${i}.dueDate`).length > 0 || undefined} aria-describedby={describedBy(`milestones.${i}.dueDate`, errorText(`milestones.${i}.dueDate`))} className={fieldClass} />
            </DraftField>
          </fieldset>
        ))}
      </fieldset>
      <ProcurementFields state={state} bidderRows={edit?.bidderRows} />
      <IndicatorFields prefix="target" indicators={indicators} state={state} />
      {edit ? null : <ProcurementFields state={state} />}
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm">
          <input id="field-noSubcontractDeclared" type="checkbox" name="noSubcontractDeclared" defaultChecked={v('noSubcontractDeclared') === 'on'} className="mt-1" aria-describedby={state.fieldErrors?.noSubcontractDeclared ? 'declaration-error' : undefined} />
          <span>{t('declaration')}</span>
        </label>
        {state.fieldErrors?.noSubcontractDeclared ? <p id="declaration-error" className="text-sm text-red-700">{t('declarationRequired')}</p> : null}
      </div>
      <SubmitButton>{edit ? edit.submitLabel : t('save')}</SubmitButton>
    </form>
  );
}
