'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/_components/form';
import type { ActionState } from '@/lib/forms/action-state';

/** An indicator as a form offers it: its code (the field's key), its name in the reader's language and its unit. */
export type IndicatorOption = { code: string; name: string; nameLang?: 'zh-CN'; unit: string; rule: 'count' | 'percent' | 'decimal2' };

/**
 * A value per indicator (a target when drafting, a result when reporting): one labelled field per indicator,
 * named `<prefix>_<code>`, checked by the indicator's unit on the server (lib/results/units.ts). Works without
 * JavaScript. Renders nothing when the matter has no indicators.
 */
export function IndicatorFields({ prefix, indicators, state, idPrefix = '', initial }: { prefix: 'target' | 'result'; indicators: IndicatorOption[]; state: ActionState; idPrefix?: string; initial?: Record<string, string> }) {
  const t = useTranslations('results');
  if (indicators.length === 0) return null;
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`${prefix}-fields`}>
      <legend className="px-1 text-sm font-medium text-slate-800">{t(prefix === 'target' ? 'targetsLegend' : 'resultsLegend')}</legend>
      <p className="text-xs text-slate-600">{t(prefix === 'target' ? 'targetsHint' : 'resultsHint')}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {indicators.map((i) => {
          const name = `${prefix}_${i.code}`;
          const label = t(prefix === 'target' ? 'targetLabel' : 'resultLabel', { name: i.name, unit: i.unit });
          return (
            <Field
              key={i.code}
              name={name}
              id={`${idPrefix}field-${name}`}
              label={label}
              state={state}
              inputMode={i.rule === 'count' ? 'numeric' : 'decimal'}
              autoComplete="off"
              defaultValue={state.values?.[name] ?? initial?.[i.code] ?? ''}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
