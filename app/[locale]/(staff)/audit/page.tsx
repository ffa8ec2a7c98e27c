import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { auditFilterQuery, listAuditEvents } from '@/lib/audit/queries';
import { actionGroups } from '@/lib/audit/ledger/action-groups';
import { loadLedgerLookup, loadRecords } from '@/lib/audit/ledger/lookup';
import { presentAuditEvent, recordNamer, type Translate } from '@/lib/audit/ledger/present';
import { parseRecordKey, recordKey } from '@/lib/audit/ledger/record-filter';
import { findRecords, recordSuggestions } from '@/lib/audit/ledger/record-picker';
import { lookupOf } from '@/lib/audit/ledger/records';
import { actorRoles } from '@/lib/domain/enums';
import { listDepartments } from '@/lib/departments/queries';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/app/_components/button';
import { fieldClass } from '@/app/_components/field-class';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';
import { LedgerEntryView, LedgerLink } from '@/app/_components/ledger-entry';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'audit');
}

/**
 * The whole trail for auditors and admins, as a ledger: each event names its record in the reader's language
 * and links to it; filters are pickers (actions by label, departments by name, a record by its reference or
 * name) kept in the query string; keyset pages; exports of what is shown.
 */
export default async function AuditPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'audit.read')) notFound();
  const query = await searchParams;
  const db = getDb();
  const filter = auditFilterQuery.parse(query);
  const all = await getTranslations();
  const t: Translate = Object.assign((key: string, values?: Record<string, string | number>) => all(key as never, values as never) as string, { has: (key: string) => all.has(key as never) });
  const en = locale === 'en';

  // The record picker: text typed (or chosen from the suggestions) is looked up in the reader's scope.
  const find = typeof query.find === 'string' ? query.find.trim().slice(0, 200) : '';
  let candidates: ReturnType<typeof findRecords> | null = null;
  if (find) {
    const found = findRecords(db, actor, find);
    if (found.length === 1) filter.record = recordKey(found[0]!);
    else {
      candidates = found;
      filter.record = undefined;
    }
  }
  const picked = parseRecordKey(filter.record);

  const { items, nextBefore } = candidates ? { items: [], nextBefore: null } : listAuditEvents(db, actor, filter);
  const ctx = { t, locale, lookup: loadLedgerLookup(db, actor, items) };
  const entries = items.map((e) => presentAuditEvent(e, ctx));

  const refs = [...(picked ? [picked] : []), ...(candidates ?? [])];
  const namer = recordNamer({ ...ctx, lookup: lookupOf(loadRecords(db, actor, refs)) });
  const pickedRef = picked ? namer.ref(picked.kind, picked.id) : null;

  const active = Object.fromEntries(Object.entries(filter).filter(([k, v]) => k !== 'before' && v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
  const exportHref = (format: string) => `/api/audit/export?${new URLSearchParams({ ...active, format, locale }).toString()}`;
  const withRecord = (key: string | null) => {
    const q = { ...active };
    delete q.record;
    return { pathname: '/audit', query: key ? { ...q, record: key } : q };
  };
  // What the picker shows for the chosen record: something it finds again when the form is sent.
  const pickerText = find || (picked && pickedRef && !pickedRef.hidden ? pickerValue(pickedRef.text, picked.kind) : '');

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('audit.title')}</h1>
      <p className="text-sm text-slate-700">{t('ledger.intro')}</p>
      <form method="get" role="search" aria-label={t('audit.filters')} className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">{t('ledger.findRecord')}</span>
          <input name="find" list="ledger-records" defaultValue={pickerText} className={fieldClass} aria-describedby="ledger-find-hint" data-testid="ledger-find" />
          <span id="ledger-find-hint" className="block max-w-xs text-xs text-slate-600">{t('ledger.findRecordHint')}</span>
        </label>
        <datalist id="ledger-records">
          {recordSuggestions(db, actor, locale).map((s, i) => (
            <option key={i} value={s.value}>{s.label}</option>
          ))}
        </datalist>
        <label className="text-sm">
          <span className="block font-medium">{t('audit.action')}</span>
          <select name="action" defaultValue={filter.action ?? ''} className={fieldClass} data-testid="ledger-action-filter">
            <option value="">{t('ledger.allActions')}</option>
            {actionGroups().map((g) => (
              <optgroup key={g.group} label={t.has(`ledger.groups.${g.group}`) ? t(`ledger.groups.${g.group}`) : g.group}>
                {g.actions.map((a) => <option key={a} value={a}>{t(`auditActions.${a}`)}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t('audit.department')}</span>
          <select name="department" defaultValue={filter.department ?? ''} className={fieldClass}>
            <option value="">{t('ledger.allDepartments')}</option>
            {listDepartments(db).map((d) => <option key={d.id} value={d.id}>{en ? d.nameEn : d.nameZh}</option>)}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t('audit.actor')}</span>
          <input name="actor" defaultValue={filter.actor ?? ''} className={fieldClass} title={t('ledger.actorHint')} />
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t('audit.role')}</span>
          <select name="role" defaultValue={filter.role ?? ''} className={fieldClass}>
            <option value="">{t('ledger.allRoles')}</option>
            {actorRoles.map((r) => <option key={r} value={r}>{t(`staff.roles.${r}`)}</option>)}
          </select>
        </label>
        <label className="text-sm"><span className="block font-medium">{t('audit.from')}</span><input type="date" name="from" defaultValue={filter.from ?? ''} className={fieldClass} /></label>
        <label className="text-sm"><span className="block font-medium">{t('audit.to')}</span><input type="date" name="to" defaultValue={filter.to ?? ''} className={fieldClass} /></label>
        {/* Filters the form does not show (a record's type and number from an older link) are kept. */}
        {filter.entityType ? <input type="hidden" name="entityType" value={filter.entityType} /> : null}
        {filter.entityId ? <input type="hidden" name="entityId" value={filter.entityId} /> : null}
        <Button type="submit" className="py-2">{t('audit.apply')}</Button>
      </form>

      {candidates ? (
        <section className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="ledger-candidates">
          <p>{candidates.length ? t('ledger.candidates', { text: find }) : t('ledger.noCandidates', { text: find })}</p>
          <ul className="list-disc space-y-1 pl-5">
            {candidates.map((c) => {
              const r = namer.ref(c.kind, c.id);
              return (
                <li key={recordKey(c)}>
                  <Link href={withRecord(recordKey(c))} className="text-brand-700 underline">
                    {r.kind} <span lang={r.lang}>{r.text}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {pickedRef ? (
        <p className="text-sm" data-testid="ledger-record">
          {all.rich(picked?.kind === 'contract' ? 'ledger.recordShownContract' : 'ledger.recordShown', {
            record: () => (
              <>
                {pickedRef.kind} <LedgerLink value={pickedRef} />
              </>
            ),
          })}{' '}
          <Link href={withRecord(null)} className="text-brand-700 underline">{t('ledger.clearRecord')}</Link>
        </p>
      ) : null}

      <p className="flex gap-3 text-sm">
        <a href={exportHref('csv')} className="text-brand-700 underline" data-testid="export-csv">{t('audit.exportCsv')}</a>
        <a href={exportHref('json')} className="text-brand-700 underline" data-testid="export-json">{t('audit.exportJson')}</a>
      </p>

      <section aria-labelledby="ledger-heading" className="space-y-2">
        <h2 id="ledger-heading" className="text-lg font-semibold">{t('audit.events')}</h2>
        {entries.length === 0 && !candidates ? <p className="text-sm text-slate-600">{t('ledger.entries', { count: 0 })}</p> : null}
        <ol className="space-y-2" data-testid="ledger">
          {entries.map((e) => <LedgerEntryView key={e.seq} entry={e} locale={locale} on={t('ledger.on')} eventLabel={t('ledger.seq', { seq: e.seq })} />)}
        </ol>
      </section>
      {nextBefore ? <Link href={{ pathname: '/audit', query: { ...active, before: nextBefore } }} className="text-brand-700 underline">{t('audit.older')}</Link> : null}
    </div>
  );
}

/** The part of a record's name the picker finds it by: a contract's reference, a matter's code, otherwise the whole name. */
function pickerValue(name: string, kind: string): string {
  return kind === 'contract' || kind === 'matter' ? name.split(' ')[0]! : name;
}
