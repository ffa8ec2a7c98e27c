import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { buildActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { findReturn } from '@/lib/contracts/approval-loop';
import { findContractForStaff, findEligibleContractors } from '@/lib/contracts/staff-queries';
import { Link } from '@/lib/i18n/navigation';
import { MILESTONE_ROWS } from '@/lib/forms/rows';
import { BIDDER_ROWS } from '@/lib/forms/procurement';
import { procurementFormValues } from '@/lib/procurement/read';
import { DraftContractForm } from '../../new/draft-contract-form';
import { listContractTargets, listMatterIndicators } from '@/lib/results/queries';
import { indicatorOptions, targetFormValues } from '@/lib/results/options';
import { ReturnNotice } from '../approval-loop-banner';
import type { Metadata } from 'next';
import { staffPageTitle } from '@/lib/i18n/page-title';

export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { locale, id } = await params;
  return staffPageTitle(locale, 'editContract', (actor) => (/^\d+$/.test(id) ? findContractForStaff(getDb(), actor, Number(id))?.contract.reference : null));
}

/** Editing a draft or a returned draft: the drafting form, filled in; the department's officers and approvers only. */
export default async function EditDraftPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  const db = getDb();
  const detail = /^\d+$/.test(id) ? findContractForStaff(db, actor, Number(id)) : undefined;
  if (!detail || detail.contract.status !== 'draft' || !can(actor, 'contract.draft', { departmentId: detail.contract.departmentId })) notFound();
  const { contract: c } = detail;
  const t = await getTranslations('approvalLoop');
  const en = locale === 'en';
  const returned = findReturn(db, actor, c.id);

  const eligible = findEligibleContractors(db, actor, '');
  const contractors = eligible.some((x) => x.id === c.contractorId) ? eligible : [{ id: c.contractorId, nameZh: c.contractorNameZh, nameEn: c.contractorNameEn, creditCode: '' }, ...eligible];
  const procurement = procurementFormValues(db.$client, c.id, BIDDER_ROWS);
  const values: Record<string, string> = {
    ...procurement.values,
    contractorId: String(c.contractorId),
    valueFen: (c.valueFen / 100).toFixed(2),
    startDate: c.startDate,
    endDate: c.endDate,
    justification: c.justification ?? '',
    terms: c.terms,
    ...(c.noSubcontractDeclared ? { noSubcontractDeclared: 'on' } : {}),
  };
  for (const [code, target] of Object.entries(targetFormValues(listContractTargets(db, c.id)))) values[`target_${code}`] = target;
  detail.milestones.forEach((m, i) => {
    values[`milestones.${i}.title`] = m.title;
    values[`milestones.${i}.type`] = m.type;
    values[`milestones.${i}.dueDate`] = m.dueDate;
  });

  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href={`/desk/contracts/${c.id}`} className="text-brand-700 underline">{t('backToContract', { reference: c.reference })}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t('editTitle', { reference: c.reference })}</h1>
      <p className="text-sm">
        <span className="font-mono">{c.matterCode}</span> {en ? c.matterTitleEn : c.matterTitleZh}
      </p>
      {returned ? <ReturnNotice returned={returned} /> : null}
      <DraftContractForm
        locale={locale}
        matterId={c.matterId}
        renewalOfId={c.renewalOfId ?? undefined}
        contractors={contractors.map((x) => ({ id: x.id, name: `${en ? x.nameEn : x.nameZh}${x.creditCode ? ` (${x.creditCode})` : ''}`, search: `${x.nameZh} ${x.nameEn} ${x.creditCode}`.toLowerCase() }))}
        edit={{ contractId: c.id, values, submitLabel: t('saveChanges'), milestoneRows: Math.max(MILESTONE_ROWS, detail.milestones.length + 1), bidderRows: procurement.bidderRows }}
        indicators={indicatorOptions(listMatterIndicators(db, c.matterId), locale)}
      />
    </div>
  );
}
