import 'server-only';
import { createTranslator } from 'next-intl';
import type { Db } from '../../../db/client';
import en from '../../../messages/en.json';
import zh from '../../../messages/zh-CN.json';
import type { Actor } from '../../auth/actor';
import { listAuditEvents, type AuditFilter, type AuditListItem } from '../queries';
import { loadLedgerLookup } from './lookup';
import { presentAuditEvent, type LedgerEntry, type LedgerText, type Translate } from './present';

// The export keeps the trail's raw columns for machines and adds the ledger's reading of each event for
// people, in the language asked for (`locale`, Chinese by default).

export const readableColumns = ['readableTime', 'readableActor', 'readableAction', 'readableRecord', 'readableChanges'] as const;
export type ReadableColumns = Record<(typeof readableColumns)[number], string>;

const BATCH = 200;

export function translatorFor(locale: string): { locale: 'en' | 'zh-CN'; t: Translate } {
  const l = locale === 'en' ? 'en' : 'zh-CN';
  return { locale: l, t: createTranslator({ locale: l, messages: l === 'en' ? en : zh }) as unknown as Translate };
}

/** The ledger's text of an entry, in one line per column. */
export function readableOf(entry: LedgerEntry, locale: string): ReadableColumns {
  const [open, comma, close, sep, colon] = locale === 'en' ? [' (', ', ', ')', '; ', ': '] : ['（', '，', '）', '；', '：'];
  const text = (l: LedgerText) => l.text;
  return {
    readableTime: entry.time,
    readableActor: `${entry.actor.name.text}${open}${entry.actor.role}${entry.actor.org ? `${comma}${entry.actor.org.text}` : ''}${close}`,
    readableAction: entry.action,
    readableRecord: [entry.subject, ...entry.within].map((r) => `${r.kind} ${r.text}`).join(sep),
    readableChanges: entry.details.map((d) => ('value' in d ? `${d.label}${colon}${text(d.value)}` : `${d.label}${colon}${text(d.before)} → ${text(d.after)}`)).join(sep),
  };
}

/**
 * The filtered trail, newest first, with its readable columns: read a keyset page at a time (the lookup needs
 * the connection between pages, which an open row iterator would hold), as the export's `before` reads it (up
 * to and including that event).
 */
export function* readableAuditEvents(db: Db, viewer: Actor, filter: AuditFilter, requestedLocale: string): Generator<AuditListItem & ReadableColumns> {
  const { locale, t } = translatorFor(requestedLocale);
  let before = filter.before !== undefined ? filter.before + 1 : undefined;
  for (;;) {
    const { items, nextBefore } = listAuditEvents(db, viewer, { ...filter, before }, BATCH);
    const lookup = loadLedgerLookup(db, viewer, items);
    for (const row of items) yield { ...row, ...readableOf(presentAuditEvent(row, { t, locale, lookup }), locale) };
    if (nextBefore === null) return;
    before = nextBefore;
  }
}
