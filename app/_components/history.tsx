import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { Section } from '@/app/_components/section';
import { LedgerEntryView } from '@/app/_components/ledger-entry';
import type { Actor } from '@/lib/auth/actor';
import { loadLedgerLookup } from '@/lib/audit/ledger/lookup';
import { presentAuditEvent, type StoredEvent, type Translate } from '@/lib/audit/ledger/present';

/** How many of the latest entries a history shows open; the earlier ones fold behind a disclosure. */
export const HISTORY_LATEST = 5;

/**
 * A record's history from the audit trail, oldest first, each event presented as the ledger presents it
 * (lib/audit/ledger/present.ts): who, when, what, which record by name, and what changed with labels and
 * translated values — never a field or a value as stored. The latest entries are shown; the earlier ones
 * fold behind a <details> (works without JavaScript). Records the viewer may not see are not named.
 */
export async function History({ events, title, viewer }: { events: StoredEvent[]; title: string; viewer: Actor }) {
  const locale = await getLocale();
  const all = await getTranslations();
  const t: Translate = Object.assign((key: string, values?: Record<string, string | number>) => all(key as never, values as never) as string, { has: (key: string) => all.has(key as never) });
  const ctx = { t, locale, lookup: loadLedgerLookup(getDb(), viewer, events) };
  const entries = events.map((e) => ({ action: e.action, entry: presentAuditEvent(e, ctx) }));
  const earlier = entries.slice(0, Math.max(0, entries.length - HISTORY_LATEST));
  const latest = entries.slice(earlier.length);
  const item = ({ action, entry }: (typeof entries)[number]) => (
    <LedgerEntryView key={entry.seq} entry={entry} locale={locale} on={t('ledger.on')} eventLabel={t('ledger.seq', { seq: entry.seq })} testId="history-event" action={action} />
  );
  return (
    <Section headingId="history-heading" title={title} className="space-y-2">
      {entries.length === 0 ? <p className="text-sm text-slate-600">{t('history.none')}</p> : null}
      <div data-testid="history" className="space-y-2">
        {earlier.length ? (
          <details data-testid="history-earlier" className="rounded-md border border-slate-200 bg-slate-50 p-2">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('history.earlier', { count: earlier.length })}</summary>
            <ol className="mt-2 space-y-2">{earlier.map(item)}</ol>
          </details>
        ) : null}
        <ol className="space-y-2" start={earlier.length + 1}>{latest.map(item)}</ol>
      </div>
    </Section>
  );
}
