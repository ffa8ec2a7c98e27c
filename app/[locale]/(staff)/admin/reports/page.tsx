import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { Link } from '@/lib/i18n/navigation';
import { listErrorReports } from '@/lib/reports/queries';
import { Pager } from '@/app/_components/pager';
import { pageParam } from '@/lib/shared/paging';
import { formatDateTime } from '@/lib/format';
import { CloseReportForm } from './close-report-form';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'reportInbox' });
  return { title: t('title') };
}

const recordHref = (type: string, key: string) => `/${type === 'contract' ? 'contracts' : type === 'matter' ? 'matters' : 'contractors'}/${encodeURIComponent(key)}`;

/** The admin's inbox of visitors' error reports: open ones first, each closed with a note. */
export default async function ReportInboxPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'report.manage')) notFound();
  const search = await searchParams;
  const status = search.status === 'closed' ? 'closed' : 'open';
  const t = await getTranslations('reportInbox');
  const tr = await getTranslations('report');
  const reports = listErrorReports(getDb(), actor, status, { page: pageParam(search) });
  const { items, total } = reports;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <nav aria-label={t('filter')} className="flex gap-3 text-sm">
        <Link href="/admin/reports" aria-current={status === 'open' ? 'page' : undefined} className="text-brand-700 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline">
          {t('open')}
        </Link>
        <Link href="/admin/reports?status=closed" aria-current={status === 'closed' ? 'page' : undefined} className="text-brand-700 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline">
          {t('closed')}
        </Link>
      </nav>
      <p className="text-sm text-slate-700">{t('count', { count: total })}</p>
      <ol className="space-y-3">
        {items.map((r) => (
          <li key={r.id} className="space-y-2 rounded-md border border-slate-200 bg-white p-3" data-testid="error-report">
            <p className="text-sm text-slate-600">
              {t('number', { number: r.id })} · {formatDateTime(r.createdAt, locale)} · {tr(`types.${r.recordType}`)}{' '}
              <a href={`/${locale}${recordHref(r.recordType, r.recordKey)}`} className="font-mono text-brand-700 underline">
                {r.recordKey}
              </a>
            </p>
            <p className="whitespace-pre-wrap break-words">{r.message}</p>
            {status === 'open' ? (
              <CloseReportForm reportId={r.id} />
            ) : (
              <p className="text-sm text-slate-700">
                {t('closedBy', { name: r.closedByName ?? '', date: r.closedAt ? formatDateTime(r.closedAt, locale) : '' })} {r.closingNote}
              </p>
            )}
          </li>
        ))}
      </ol>
      <Pager pathname="/admin/reports" query={{ status: status === 'closed' ? 'closed' : undefined }} page={reports.page} hasNext={reports.hasNext} />
    </div>
  );
}
