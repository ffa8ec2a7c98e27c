import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { listAwaitingApproval } from '@/lib/contracts/queries';
import { Pager } from '@/app/_components/pager';
import { pageParam } from '@/lib/shared/paging';
import { ContractTable } from '@/app/_components/contract-table';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'approvals');
}
import { hasEditedDraft } from '@/lib/auth/scope';
import { readContractProcurement } from '@/lib/procurement/read';

/** The approver's desk: contracts waiting for approval, oldest first. */
export default async function ApprovalsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'contract.approve')) notFound();
  const db = getDb();
  const awaiting = listAwaitingApproval(db, actor, { page: pageParam(await searchParams) });
  const { items, total } = awaiting;
  // Four eyes: what this approver drafted or edited waits for another approver.
  const isMine = (c: (typeof items)[number]) => c.draftedByMe || hasEditedDraft(db, c.id, actor.id);
  const waiting = items.filter((c) => !isMine(c));
  const mine = items.filter(isMine);
  // The procurement rules' warnings, marked on each contract (its page lists them in full).
  const flags = new Map(items.map((c) => [c.id, readContractProcurement(db.$client, c.id, c.valueFen)?.warnings.map((w) => w.code) ?? []]));
  const t = await getTranslations('approvals');
  const tl = await getTranslations('approvalLoop');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('count', { count: total })}</p>
      <ContractTable contracts={waiting} caption={t('title')} flags={flags} />
      {mine.length ? (
        <section aria-labelledby="own-drafts" className="space-y-2" data-testid="own-drafts">
          <h2 id="own-drafts" className="text-lg font-semibold">{tl('ownDraftsHeading', { count: mine.length })}</h2>
          <p className="text-sm text-slate-700">{tl('ownDraft')}</p>
          <ContractTable contracts={mine} caption={tl('ownDraftsHeading', { count: mine.length })} flags={flags} />
        </section>
      ) : null}
      <Pager pathname="/approvals" query={{}} page={awaiting.page} hasNext={awaiting.hasNext} />
    </div>
  );
}
