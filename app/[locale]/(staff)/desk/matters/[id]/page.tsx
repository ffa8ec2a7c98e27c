import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { matterStatusSteps } from '@/lib/matters/schema';
import { findMatterForStaff } from '@/lib/matters/staff-queries';
import { recordHistory } from '@/lib/audit/queries';
import { History } from '@/app/_components/history';
import { ContractStatusBadge } from '@/app/_components/status-badge';
import { EditMatterForm, MatterStatusForm } from '../matter-forms';
import { IndicatorSection } from '../indicator-section';
import { previewConsequences } from '@/lib/confirm/consequences';
import type { Metadata } from 'next';
import { staffPageTitle } from '@/lib/i18n/page-title';
import { localName } from '@/lib/i18n/local-name';
import { Pager } from '@/app/_components/pager';
import { pageParam } from '@/lib/shared/paging';

export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { locale, id } = await params;
  return staffPageTitle(locale, 'deskMatter', (actor) => {
    const m = can(actor, 'matter.read') && /^\d+$/.test(id) ? findMatterForStaff(getDb(), actor, Number(id))?.matter : undefined;
    return m ? localName(locale, m.titleZh, m.titleEn).text : null;
  });
}

export default async function StaffMatterPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'matter.read')) notFound();
  const db = getDb();
  const found = /^\d+$/.test(id) ? findMatterForStaff(db, actor, Number(id), { page: pageParam(await searchParams) }) : undefined;
  if (!found) notFound();
  const { matter: m } = found;
  const t = await getTranslations('staffMatters');
  const tc = await getTranslations('category');
  const ts = await getTranslations('catalogueStatus');
  const en = locale === 'en';
  const editable = can(actor, 'matter.edit', { departmentId: m.departmentId });
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{m.code}</p>
        <h1 className="text-2xl font-bold" data-testid="matter-title">{en ? m.titleEn : m.titleZh}</h1>
        <p className="text-sm text-slate-700">
          {tc(m.category)} · {en ? found.departmentNameEn : found.departmentNameZh} · {ts(m.catalogueStatus)} · {found.inService ? t('inService') : t('notInService')}
          {m.withdrawalReason ? ` · ${m.withdrawalReason}` : ''}
        </p>
      </div>
      {editable ? (
        <div className="flex flex-wrap gap-3">
          {matterStatusSteps[m.catalogueStatus]!.filter((to) => to !== 'withdrawn').map((to) => (
            <MatterStatusForm key={to} matterId={m.id} to={to} />
          ))}
          {m.catalogueStatus === 'listed' && can(actor, 'contract.draft', { departmentId: m.departmentId }) ? (
            <Link href={{ pathname: '/desk/contracts/new', query: { matter: m.id } }} className="self-start rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white">{t('draftContract')}</Link>
          ) : null}
        </div>
      ) : null}
      <section aria-labelledby="matter-contracts" className="space-y-2">
        <h2 id="matter-contracts" className="text-lg font-semibold">{t('contracts')}</h2>
        {found.contracts.length === 0 && found.contractsPage.page === 1 ? <p className="text-sm text-slate-600">{t('noContracts')}</p> : (
          <ul className="space-y-1 text-sm">
            {found.contracts.map((c) => (
              <li key={c.id}>
                <Link href={`/desk/contracts/${c.id}`} className="font-mono text-brand-700 underline">{c.reference}</Link> · {en ? c.contractorNameEn : c.contractorNameZh} · {c.startDate} – {c.endDate} · {formatFen(c.valueFen, locale)} <ContractStatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        )}
        <Pager pathname={`/desk/matters/${m.id}`} query={{}} page={found.contractsPage.page} hasNext={found.contractsPage.hasNext} fragment="matter-contracts" label={t('contracts')} />
      </section>
      <IndicatorSection db={db} matterId={m.id} locale={locale} editable={editable} />
      {editable ? (
        <section aria-labelledby="matter-edit" className="max-w-2xl space-y-2">
          <h2 id="matter-edit" className="text-lg font-semibold">{t('edit')}</h2>
          <EditMatterForm
            matterId={m.id}
            initial={{ titleZh: m.titleZh, titleEn: m.titleEn, descriptionZh: m.descriptionZh, descriptionEn: m.descriptionEn, category: m.category, legalBasis: m.legalBasis, serviceStandard: m.serviceStandard, budgetYuan: (m.annualBudgetFen / 100).toFixed(2) }}
          />
        </section>
      ) : (
        <dl className="space-y-2 text-sm">
          <div><dt className="text-slate-600">{t('description')}</dt><dd>{en ? m.descriptionEn : m.descriptionZh}</dd></div>
          <div><dt className="text-slate-600">{t('budget')}</dt><dd>{formatFen(m.annualBudgetFen, locale)}</dd></div>
        </dl>
      )}
      {editable && matterStatusSteps[m.catalogueStatus]!.includes('withdrawn') ? (
        // Rarely used and public: withdrawal opens from a button below the matter's contracts and details.
        <div className="max-w-2xl">
          <MatterStatusForm matterId={m.id} to="withdrawn" consequences={previewConsequences(getDb(), actor, 'matter', 'withdraw', m.id)} />
        </div>
      ) : null}
      <History events={recordHistory(db, 'matter', m.id)} title={t('history')} viewer={actor} />
    </div>
  );
}
