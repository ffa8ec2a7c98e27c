import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { listAwaitingApproval } from '@/lib/contracts/queries';
import { ContractTable } from '@/app/_components/contract-table';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'approvals');
}

/** The approver's desk: contracts waiting for approval, oldest first. */
export default async function ApprovalsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'contract.approve')) notFound();
  const { items: waiting, total } = listAwaitingApproval(getDb(), actor);
  const t = await getTranslations('approvals');
  const tt = await getTranslations('attention');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('count', { count: total })}</p>
      {total > waiting.length && <p className="text-sm text-slate-600">{tt('showingFirst', { shown: waiting.length, total })}</p>}
      <ContractTable contracts={waiting} caption={t('title')} />
    </div>
  );
}
