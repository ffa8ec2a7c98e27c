import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { indicatorDirections, indicatorKinds } from '@/lib/results/kinds';
import { formatUnitValue } from '@/lib/results/options';
import type { UnitCode } from '@/lib/results/units';
import { Section } from '@/app/_components/section';
import { LocalName } from '@/app/_components/local-name';
import { Colon, Comma, Parens } from '@/app/_components/punctuation';

export type HistoryEvent = { seq: number; occurredAt: string; actorName: string; actorRole: string; action: string; data: string; entityType?: string; entityId?: string; actorOrg?: string | null };

type Changes = Record<string, { before: unknown; after: unknown }>;

/** Where each kind of record's statuses are labelled (the audit action's first part names the kind). */
const statusLabels: Record<string, string> = {
  contract: 'contractStatus',
  matter: 'catalogueStatus',
  contractor: 'verification',
  deliverable: 'contract.deliverableStatus',
  amendment: 'contract.amendmentStatus',
};

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Indicator lists (targets: name, value, unit) and an indicator's kind and direction, read (lib/results); null: not one of them. */
function showResultsValue(field: string, v: unknown, locale: string, tr: (key: string) => string): string | null {
  if (Array.isArray(v) && v.every((i) => typeof i === 'object' && i !== null && 'nameZh' in i && 'unit' in i)) {
    if (v.length === 0) return '—';
    return v
      .map((i: { nameZh: string; nameEn?: string; unit: UnitCode; target?: number; value?: number }) => `${locale === 'en' && i.nameEn ? i.nameEn : i.nameZh} ${formatUnitValue(i.target ?? i.value ?? 0, i.unit, locale)}`)
      .join(locale === 'en' ? '; ' : '；');
  }
  if ((field === 'kind' || field === 'direction') && typeof v === 'string' && (indicatorKinds as readonly string[]).concat(indicatorDirections).includes(v)) return tr(`${field === 'kind' ? 'kinds' : 'directions'}.${v}`);
  return null;
}

/** A record's history from the audit trail: when, who (name and role), what, and changed fields before → after. */
export async function History({ events, title, showRecord = false }: { events: HistoryEvent[]; title: string; showRecord?: boolean }) {
  const t = await getTranslations('history');
  const ta = await getTranslations('auditActions');
  const tf = await getTranslations('auditFields');
  const tr = await getTranslations('staff.roles');
  const format = await getFormatter();
  const tAll = await getTranslations();
  const tResults = await getTranslations('results');
  const locale = await getLocale();
  const shown = (field: string, v: unknown) => showResultsValue(field, v, locale, tResults) ?? show(v);
  /** A status in the reader's language; an unknown one as stored. */
  const status = (action: string, value: string) => {
    const key = `${statusLabels[action.split('.')[0] ?? ''] ?? ''}.${value}`;
    return tAll.has(key) ? tAll(key) : value;
  };
  return (
    <Section headingId="history-heading" title={title} className="space-y-2">
      {events.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : null}
      <ol className="space-y-2" data-testid="history">
        {events.map((e) => {
          const data = JSON.parse(e.data) as { changes?: Changes; from?: string; to?: string; reason?: string; comment?: string; before?: unknown; after?: unknown };
          return (
            <li key={e.seq} className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="history-event" data-action={e.action}>
              <p>
                <time dateTime={e.occurredAt} className="tabular-nums text-slate-600">
                  {format.dateTime(new Date(e.occurredAt), { dateStyle: 'medium', timeStyle: 'short' })}
                </time>{' '}
                · <LocalName zh={e.actorName} /> <Parens>{tr.has(e.actorRole) ? tr(e.actorRole) : e.actorRole}{e.actorOrg ? <><Comma /><LocalName zh={e.actorOrg} /></> : null}</Parens> · <strong>{ta.has(e.action) ? ta(e.action) : e.action}</strong>
                {showRecord ? (
                  <span className="font-mono text-xs text-slate-600">
                    {' '}
                    #{e.seq} {e.entityType} {e.entityId}
                  </span>
                ) : null}
              </p>
              {data.from && data.to ? (
                <p className="text-slate-700">
                  {t('status')}<Colon />{status(e.action, data.from)} → {status(e.action, data.to)}
                </p>
              ) : null}
              {/* An auth event's reason is a code (signed_out, expired…), not words someone wrote. */}
              {data.reason && !e.action.startsWith('auth.') ? <p className="text-slate-700">{t('reason')}<Colon />{data.reason}</p> : null}
              {data.comment ? <p className="text-slate-700">{t('comment')}<Colon />{data.comment}</p> : null}
              {e.action === 'contract.targets_set' ? (
                <p className="text-slate-700">
                  {tf('targets')}<Colon /><del className="text-red-700">{shown('targets', data.before)}</del> → <ins className="text-green-800 no-underline">{shown('targets', data.after)}</ins>
                </p>
              ) : null}
              {data.changes ? (
                <ul className="mt-1 space-y-0.5">
                  {Object.entries(data.changes).map(([field, c]) => (
                    <li key={field}>
                      {tf.has(field) ? tf(field) : field}<Colon /><del className="text-red-700">{shown(field, c.before)}</del> → <ins className="text-green-800 no-underline">{shown(field, c.after)}</ins>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
