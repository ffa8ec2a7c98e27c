import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { buildActor } from '@/lib/auth/actor';
import { listContractsPage } from '@/lib/contracts/queries';
import { Pager } from '@/app/_components/pager';
import { pageParam } from '@/lib/shared/paging';
import { listReturnedWork, listUpcomingMilestones } from '@/lib/deliverables/queries';
import { todayInShanghai } from '@/lib/shared/time';
import { Link } from '@/lib/i18n/navigation';
import { localName } from '@/lib/i18n/local-name';
import { zhMark } from '@/app/_components/local-name';
import { ContractTable } from '@/app/_components/contract-table';
import type { Metadata } from 'next';
import { orgTitle, staffPageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return staffPageTitle(locale, 'portal', orgTitle(locale));
}

/** How far ahead the portal shows milestones coming due. */
const UPCOMING_DAYS = 60;

/** The contractor portal: what needs attention (returned work, due dates), then the organization's own contracts. */
export default async function PortalPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  if (user.role !== 'contractor') notFound();
  const actor = buildActor(user);
  const db = getDb();
  const contracts = listContractsPage(db, actor, { page: pageParam(await searchParams) });
  const returned = listReturnedWork(db, actor);
  const today = todayInShanghai();
  const until = new Date(`${today}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() + UPCOMING_DAYS);
  const upcoming = listUpcomingMilestones(db, actor, until.toISOString().slice(0, 10));
  const t = await getTranslations('portal');
  const ta = await getTranslations('attention');
  const tm = await getTranslations('milestone');
  const en = locale === 'en';
  const org = localName(locale, user.orgName ?? '', user.orgNameEn);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t.rich('title', { organization: org.text, name: zhMark(org.fallback) })}</h1>
      <section aria-labelledby="returned-work" className="space-y-2">
        <h2 id="returned-work" className="text-lg font-semibold">{ta('returnedWork', { count: returned.length })}</h2>
        {returned.length === 0 ? <p className="text-sm text-slate-600">{ta('nothingReturned')}</p> : (
          <ul className="space-y-2 text-sm" data-testid="returned-work">
            {returned.map((d) => (
              <li key={d.id} className="rounded-md border border-red-200 bg-red-50 p-2" data-testid="returned-deliverable">
                <Link href={`/desk/contracts/${d.contractId}#deliverable-${d.id}`} className="font-medium text-brand-700 underline">{d.title}</Link>{' '}
                · <span className="font-mono">{d.reference}</span> · {en ? d.matterTitleEn : d.matterTitleZh}
                {d.reviewComment ? <p className="mt-1">{ta('comment', { comment: d.reviewComment })}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="upcoming" className="space-y-2">
        <h2 id="upcoming" className="text-lg font-semibold">{ta('upcoming', { days: UPCOMING_DAYS })}</h2>
        {upcoming.length === 0 ? <p className="text-sm text-slate-600">{ta('nothingDue')}</p> : (
          <ul className="space-y-1 text-sm" data-testid="upcoming-milestones">
            {upcoming.map((m) => (
              <li key={m.id}>
                <span className={m.dueDate < today ? 'font-semibold text-red-800 tabular-nums' : 'tabular-nums'}>{m.dueDate}</span>
                {m.dueDate < today ? ` (${ta('overdue')})` : ''} · {m.title} · {tm(`type.${m.type}`)} ·{' '}
                <Link href={`/desk/contracts/${m.contractId}`} className="text-brand-700 underline">{m.reference}</Link> · {en ? m.matterTitleEn : m.matterTitleZh}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="own-contracts" className="space-y-2">
        <h2 id="own-contracts" className="text-lg font-semibold">{t('contracts')}</h2>
        <ContractTable contracts={contracts.items} caption={t.rich('title', { organization: org.text, name: zhMark(org.fallback) })} />
        <Pager pathname="/portal" query={{}} page={contracts.page} hasNext={contracts.hasNext} fragment="own-contracts" />
      </section>
    </div>
  );
}
