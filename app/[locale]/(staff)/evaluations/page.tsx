import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { buildActor } from '@/lib/auth/actor';
import { listContractsPage } from '@/lib/contracts/queries';
import { Pager } from '@/app/_components/pager';
import { pageParam } from '@/lib/shared/paging';
import { ContractTable } from '@/app/_components/contract-table';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'evaluations');
}

/** The evaluator's home: contracts an admin assigned for third-party evaluation (the scope is in the query). */
export default async function EvaluationsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  if (user.role !== 'evaluator') notFound();
  const contracts = listContractsPage(getDb(), buildActor(user), { page: pageParam(await searchParams) });
  const t = await getTranslations('evaluationsHome');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {contracts.items.length === 0 && contracts.page === 1 ? <p className="text-sm text-slate-700">{t('none')}</p> : <ContractTable contracts={contracts.items} caption={t('title')} />}
      <Pager pathname="/evaluations" query={{}} page={contracts.page} hasNext={contracts.hasNext} />
    </div>
  );
}
