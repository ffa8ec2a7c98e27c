import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { roleHome } from '@/lib/auth/homes';
import { buildActor } from '@/lib/auth/actor';
import { countContractsByStatus, listContractsPage } from '@/lib/contracts/queries';
import { Pager } from '@/app/_components/pager';
import { pageParam } from '@/lib/shared/paging';
import { contractStatuses } from '@/lib/domain/enums';
import { ContractTable } from '@/app/_components/contract-table';
import { Link } from '@/lib/i18n/navigation';
import { localName } from '@/lib/i18n/local-name';
import { zhMark } from '@/app/_components/local-name';
import { Button } from '@/app/_components/button';
import { DeskAttention } from '@/app/_components/desk-attention';
import { listDeliverablesAwaitingReview } from '@/lib/deliverables/queries';
import { ReturnedDrafts } from './returned-drafts';
import { Section } from '@/app/_components/section';
import type { Metadata } from 'next';
import { orgTitle, staffPageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return staffPageTitle(locale, 'desk', orgTitle(locale));
}

/** The officer's desk: their department's contracts by status. Other roles go to their own home. */
export default async function DeskPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  if (user.role !== 'officer' && user.role !== 'approver') redirect(`/${locale}${roleHome[user.role]}`);
  const actor = buildActor(user);
  const db = getDb();
  const counts = countContractsByStatus(db, actor);
  const search = await searchParams;
  const recent = listContractsPage(db, actor, { page: pageParam(search) });
  const review = listDeliverablesAwaitingReview(db, actor, { page: pageParam(search, 'review') });
  const { items: awaiting, total: awaitingTotal } = review;
  const ta = await getTranslations('attention');
  const en = locale === 'en';
  const org = localName(locale, user.orgName ?? '', user.orgNameEn);
  const t = await getTranslations('desk');
  const ts = await getTranslations('contractStatus');
  const td = await getTranslations('draft');
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t.rich('title', { department: org.text, name: zhMark(org.fallback) })}</h1>
        <Button asChild>
          <Link href="/desk/contracts/new">{td('newContract')}</Link>
        </Button>
      </div>
      <ReturnedDrafts actor={actor} />
      <DeskAttention actor={actor} />
      <Section headingId="awaiting-review" title={ta('awaitingReview', { count: awaitingTotal })} className="space-y-2">
        {awaiting.length === 0 ? <p className="text-sm text-slate-600">{ta('nothingWaiting')}</p> : (
          <ol className="space-y-1 text-sm" data-testid="awaiting-review">
            {awaiting.map((d) => (
              <li key={d.id} data-testid="awaiting-deliverable">
                <Link href={`/desk/contracts/${d.contractId}#deliverable-${d.id}`} className="text-brand-700 underline">{d.title}</Link>{' '}
                · <span className="font-mono">{d.reference}</span> · {en ? d.contractorNameEn : d.contractorNameZh} · <span className="tabular-nums">{ta('submittedOn', { date: d.submittedAt.slice(0, 10) })}</span>
              </li>
            ))}
          </ol>
        )}
        <Pager pathname="/desk" query={{ page: recent.page }} page={review.page} hasNext={review.hasNext} param="review" fragment="awaiting-review" label={ta('awaitingReview', { count: awaitingTotal })} />
      </Section>
      <Section headingId="counts" title={t('byStatus')} className="space-y-2">
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
          {contractStatuses.map((s) => (
            <div key={s} className="rounded-md border border-slate-200 bg-white p-3" data-testid={`count-${s}`}>
              <dt className="text-xs text-slate-600">{ts(s)}</dt>
              <dd className="text-xl font-semibold tabular-nums">{counts[s]}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section headingId="recent" title={t('recent')} className="space-y-2">
        <ContractTable contracts={recent.items} caption={t('recent')} />
        <Pager pathname="/desk" query={{ review: review.page === 1 ? undefined : review.page }} page={recent.page} hasNext={recent.hasNext} fragment="recent" label={t('recent')} />
      </Section>
    </div>
  );
}
