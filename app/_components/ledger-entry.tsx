import type { LedgerEntry, LedgerRef, LedgerText } from '@/lib/audit/ledger/present';
import { Link } from '@/lib/i18n/navigation';

/** A piece of ledger text: a link where the viewer may follow it (files through the API, pages through the locale's routes). */
export function LedgerLink({ value, className = 'text-brand-700 underline' }: { value: LedgerText; className?: string }) {
  const lang = value.lang ? { lang: value.lang } : {};
  if (!value.href) return <span {...lang}>{value.text}</span>;
  if (value.href.startsWith('/api/')) return <a href={value.href} className={className} {...lang}>{value.text}</a>;
  return <Link href={value.href} className={className} {...lang}>{value.text}</Link>;
}

function RecordRef({ value }: { value: LedgerRef }) {
  return (
    <>
      {value.kind} {value.hidden ? <em className="text-slate-600">{value.text}</em> : <LedgerLink value={value} />}
    </>
  );
}

/** One event of the ledger: when and who, what was done to which record, and what changed. */
export function LedgerEntryView({ entry, on, eventLabel, locale, testId = 'ledger-entry', action }: { entry: LedgerEntry; on: string; eventLabel: string; locale: string; testId?: string; action?: string }) {
  // Chinese text takes full-width brackets and commas; English the ordinary ones.
  const [open, comma, close] = locale === 'en' ? [' (', ', ', ')'] : ['（', '，', '）'];
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid={testId} data-seq={entry.seq} data-action={action}>
      <p className="flex flex-wrap gap-x-2 text-slate-700">
        <time dateTime={entry.occurredAt} className="tabular-nums" data-testid="ledger-time">
          {entry.time}
        </time>
        <span aria-hidden="true">·</span>
        <span data-testid="ledger-actor">
          <LedgerLink value={entry.actor.name} />{open}{entry.actor.role}
          {entry.actor.org ? <>{comma}<LedgerLink value={entry.actor.org} /></> : null}{close}
        </span>
        <span className="ml-auto font-mono text-xs text-slate-500">{eventLabel}</span>
      </p>
      <p className="mt-1">
        <strong data-testid="ledger-action">{entry.action}</strong>
        <span aria-hidden="true"> · </span>
        <span data-testid="ledger-subject">
          <RecordRef value={entry.subject} />
        </span>
        {entry.within.length ? (
          <span className="text-slate-700" data-testid="ledger-within">
            {open}{on}
            {entry.within.map((w, i) => (
              <span key={i}>
                {i ? comma : ' '}
                <RecordRef value={w} />
              </span>
            ))}
            {close}
          </span>
        ) : null}
      </p>
      {entry.details.length ? (
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-slate-700" data-testid="ledger-details">
          {entry.details.map((d, i) => (
            <div key={i} className="contents">
              <dt className="text-slate-600">{d.label}</dt>
              <dd className="min-w-0 break-words">
                {'value' in d ? (
                  <LedgerLink value={d.value} />
                ) : (
                  <>
                    <del className="text-red-700">
                      <LedgerLink value={d.before} className="underline" />
                    </del>{' '}
                    → <ins className="text-green-800 no-underline">
                      <LedgerLink value={d.after} className="underline" />
                    </ins>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}
