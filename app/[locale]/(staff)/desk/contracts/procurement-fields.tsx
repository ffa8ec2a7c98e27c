'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/_components/form';
import { fieldClass } from '@/app/_components/field-class';
import { bidEvaluationMethods, procurementMethods, singleSourceGrounds } from '@/lib/domain/enums';
import type { ActionState } from '@/lib/forms/action-state';
import { BIDDER_ROWS } from '@/lib/forms/procurement';

/**
 * How the contractor was chosen, inside the drafting form (lib/forms/procurement.ts reads it). Every field is
 * shown, without JavaScript too; the rules say which apply to the chosen method (docs/procurement-rules.md).
 */
/** The id the drafting form's error summary links to: `procurement.method` → `field-procurement-method`. */
export const procurementFieldId = (name: string) => `field-${name.replaceAll('.', '-')}`;

export function ProcurementFields({ state, bidderRows = BIDDER_ROWS }: { state: ActionState; bidderRows?: number }) {
  const t = useTranslations('procurement');
  const tv = useTranslations('validation');
  const v = (name: string) => state.values?.[`procurement.${name}`];
  const bidderErrors = Object.entries(state.fieldErrors ?? {}).filter(([k]) => k.startsWith('procurement.tenderers')).flatMap(([, e]) => e);
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{t('heading')}</legend>
      <p className="text-xs text-slate-600">{t('formHint')}</p>
      {bidderRows !== BIDDER_ROWS ? <input type="hidden" name="procurement.bidderRows" value={bidderRows} /> : null}
      <Field name="procurement.method" id={procurementFieldId('procurement.method')} label={t('method')} state={state}>
        <select id={procurementFieldId('procurement.method')} name="procurement.method" defaultValue={v('method') ?? ''} className={fieldClass}>
          <option value="">{t('chooseMethod')}</option>
          {procurementMethods.map((m) => (
            <option key={m} value={m}>
              {t(`methods.${m}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="procurement.noticeDate" id={procurementFieldId('procurement.noticeDate')} label={t('noticeDate')} type="date" state={state} />
        <Field name="procurement.bidDeadline" id={procurementFieldId('procurement.bidDeadline')} label={t('bidDeadline')} type="date" state={state} />
        <Field name="procurement.evaluationMethod" id={procurementFieldId('procurement.evaluationMethod')} label={t('evaluation')} state={state}>
          <select id={procurementFieldId('procurement.evaluationMethod')} name="procurement.evaluationMethod" defaultValue={v('evaluationMethod') ?? ''} className={fieldClass}>
            <option value="">—</option>
            {bidEvaluationMethods.map((m) => (
              <option key={m} value={m}>
                {t(`evaluationMethods.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="procurement.numberOfTenderers" id={procurementFieldId('procurement.numberOfTenderers')} label={t('tenderers')} inputMode="numeric" state={state} />
      </div>
      <Field name="procurement.singleSourceGround" id={procurementFieldId('procurement.singleSourceGround')} label={t('ground')} state={state}>
        <select id={procurementFieldId('procurement.singleSourceGround')} name="procurement.singleSourceGround" defaultValue={v('singleSourceGround') ?? ''} className={fieldClass}>
          <option value="">—</option>
          {singleSourceGrounds.map((g) => (
            <option key={g} value={g}>
              {t(`grounds.${g}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="procurement.justification" id={procurementFieldId('procurement.justification')} label={t('justification')} state={state}>
        <textarea id={procurementFieldId('procurement.justification')} name="procurement.justification" rows={2} defaultValue={v('justification')} className={fieldClass} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="procurement.procurementNoticeUrl" id={procurementFieldId('procurement.procurementNoticeUrl')} label={t('procurementNotice')} type="url" state={state} />
        <Field name="procurement.awardNoticeUrl" id={procurementFieldId('procurement.awardNoticeUrl')} label={t('awardNotice')} type="url" state={state} />
      </div>
      <Field name="procurement.awardedBid" id={procurementFieldId('procurement.awardedBid')} label={t('awardedBid')} inputMode="decimal" state={state} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('otherBidders')}</legend>
        {Array.from({ length: bidderRows }, (_, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-3">
            <Field name={`procurement.bidders.${i}.name`} id={procurementFieldId(`procurement.bidders.${i}.name`)} label={t('bidderName', { n: i + 1 })} state={state} />
            <Field name={`procurement.bidders.${i}.creditCode`} id={procurementFieldId(`procurement.bidders.${i}.creditCode`)} label={t('bidderCode', { n: i + 1 })} state={state} />
            <Field name={`procurement.bidders.${i}.bid`} id={procurementFieldId(`procurement.bidders.${i}.bid`)} label={t('bidderBid', { n: i + 1 })} inputMode="decimal" state={state} />
          </div>
        ))}
        {bidderErrors.length ? (
          <ul className="text-sm text-red-700">
            {[...new Set(bidderErrors)].map((e) => (
              <li key={e}>{tv.has(e) ? tv(e) : tv('invalid')}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
    </fieldset>
  );
}
