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
import { Section } from '@/app/_components/section';

export default async function StaffMatterPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'matter.read')) notFound();
  const db = getDb();
  const found = /^\d+$/.test(id) ? findMatterForStaff(db, actor, Number(id)) : undefined;
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
          {matterStatusSteps[m.catalogueStatus]!.map((to) => <MatterStatusForm key={to} matterId={m.id} to={to} />)}
          {m.catalogueStatus === 'listed' && can(actor, 'contract.draft', { departmentId: m.departmentId }) ? (
            <Link href={{ pathname: '/desk/contracts/new', query: { matter: m.id } }} className="self-start rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white">{t('draftContract')}</Link>
          ) : null}
        </div>
      ) : null}
      <Section headingId="matter-contracts" title={t('contracts')} className="space-y-2">
        {found.contracts.length === 0 ? <p className="text-sm text-slate-600">{t('noContracts')}</p> : (
          <ul className="space-y-1 text-sm">
            {found.contracts.map((c) => (
              <li key={c.id}>
                <Link href={`/desk/contracts/${c.id}`} className="font-mono text-brand-700 underline">{c.reference}</Link> · {en ? c.contractorNameEn : c.contractorNameZh} · {c.startDate} – {c.endDate} · {formatFen(c.valueFen, locale)} <ContractStatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      {editable ? (
        <Section headingId="matter-edit" title={t('edit')} className="max-w-2xl space-y-2">
          <EditMatterForm
            matterId={m.id}
            initial={{ titleZh: m.titleZh, titleEn: m.titleEn, descriptionZh: m.descriptionZh, descriptionEn: m.descriptionEn, category: m.category, legalBasis: m.legalBasis, serviceStandard: m.serviceStandard, budgetYuan: (m.annualBudgetFen / 100).toFixed(2) }}
          />
        </Section>
      ) : (
        <dl className="space-y-2 text-sm">
          <div><dt className="text-slate-600">{t('description')}</dt><dd>{en ? m.descriptionEn : m.descriptionZh}</dd></div>
          <div><dt className="text-slate-600">{t('budget')}</dt><dd>{formatFen(m.annualBudgetFen, locale)}</dd></div>
        </dl>
      )}
      <History events={recordHistory(db, 'matter', m.id)} title={t('history')} />
    </div>
  );
}
