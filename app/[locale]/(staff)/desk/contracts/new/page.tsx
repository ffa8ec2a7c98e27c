import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { findContractForStaff, findEligibleContractors, findMatterForDrafting, listDraftableMatters } from '@/lib/contracts/staff-queries';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { DraftContractForm } from './draft-contract-form';
import { listMatterIndicators } from '@/lib/results/queries';
import { indicatorOptions } from '@/lib/results/options';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

type Search = { matter?: string; q?: string; renewal?: string };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'newContract');
}

/** Drafting a contract: pick a matter of the department, then an eligible contractor, terms and milestones. */
export default async function NewContractPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Search> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'contract.draft') || actor.departmentId === null) notFound();
  const search = await searchParams;
  const db = getDb();
  const t = await getTranslations('draft');
  const en = locale === 'en';

  const renewal = search.renewal && /^\d+$/.test(search.renewal) ? findContractForStaff(db, actor, Number(search.renewal)) : undefined;
  const matterId = renewal?.contract.matterId ?? (search.matter && /^\d+$/.test(search.matter) ? Number(search.matter) : undefined);
  const matter = matterId ? findMatterForDrafting(db, actor, matterId) : undefined;

  if (!matter) {
    const matters = listDraftableMatters(db, actor);
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t('chooseMatter')}</h1>
        <ul className="space-y-1">
          {matters.map((m) => (
            <li key={m.id}>
              <Link href={{ pathname: '/desk/contracts/new', query: { matter: m.id } }} className="text-brand-700 underline">
                <span className="font-mono">{m.code}</span> {en ? m.titleEn : m.titleZh}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const contractors = renewal
    ? [{ id: renewal.contract.contractorId, nameZh: renewal.contract.contractorNameZh, nameEn: renewal.contract.contractorNameEn, creditCode: '', kind: '' }]
    : findEligibleContractors(db, actor, '');
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm">
        <span className="font-mono">{matter.code}</span> {en ? matter.titleEn : matter.titleZh} · {t('budget', { budget: formatFen(matter.budgetFen, locale) })}
      </p>
      {renewal ? (
        <section className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" aria-labelledby="renewal-heading" data-testid="renewal-record">
          <h2 id="renewal-heading" className="font-semibold">{t('renewalOf', { reference: renewal.contract.reference })}</h2>
          <p>{t('previousRecord', { accepted: renewal.deliverables.filter((d) => d.status === 'accepted').length, total: renewal.deliverables.length })}</p>
          <ul>
            {renewal.evaluations.map((e) => (
              <li key={e.id}>{e.periodStart} – {e.periodEnd}: {e.overallScore}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <DraftContractForm
        locale={locale}
        matterId={matter.id}
        indicators={indicatorOptions(listMatterIndicators(db, matter.id), locale)}
        renewalOfId={renewal?.contract.id}
        initialQuery={search.q ?? ''}
        contractors={contractors.map((c) => ({
          id: c.id,
          name: `${en ? c.nameEn : c.nameZh}${c.creditCode ? ` (${c.creditCode})` : ''}`,
          search: `${c.nameZh} ${c.nameEn} ${c.creditCode}`.toLowerCase(),
        }))}
      />
    </div>
  );
}
