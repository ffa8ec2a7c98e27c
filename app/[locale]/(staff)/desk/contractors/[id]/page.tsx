import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { canChangeVerification } from '@/lib/contractors/service';
import { findContractorForStaff } from '@/lib/contractors/staff-queries';
import { verificationStatuses } from '@/lib/domain/enums';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { recordHistory } from '@/lib/audit/queries';
import { History } from '@/app/_components/history';
import { ContractStatusBadge } from '@/app/_components/status-badge';
import { EditContractorForm, VerificationForm } from '../contractor-forms';
import { previewConsequences } from '@/lib/confirm/consequences';
import { ContractorRecordPanel } from '../../deliverables/contractor-record-panel';
import { ContractorDocuments } from '../contractor-documents';
import { Section } from '@/app/_components/section';
import type { Metadata } from 'next';
import { staffPageTitle } from '@/lib/i18n/page-title';
import { localName } from '@/lib/i18n/local-name';
import { Pager } from '@/app/_components/pager';
import { pageParam } from '@/lib/shared/paging';

export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { locale, id } = await params;
  return staffPageTitle(locale, 'deskContractor', (actor) => {
    const c = can(actor, 'contractor.read') && /^\d+$/.test(id) ? findContractorForStaff(getDb(), actor, Number(id))?.contractor : undefined;
    return c ? localName(locale, c.nameZh, c.nameEn).text : null;
  });
}

export default async function StaffContractorPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, id } = await params;
  const search = await searchParams;
  const { upload } = search;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'contractor.read')) notFound();
  const db = getDb();
  const found = /^\d+$/.test(id) ? findContractorForStaff(db, actor, Number(id), { page: pageParam(search) }) : undefined;
  if (!found) notFound();
  const { contractor: c } = found;
  const t = await getTranslations('staffContractors');
  const tk = await getTranslations('contractorKindOne');
  const tv = await getTranslations('verification');
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{c.creditCode}</p>
        <h1 className="text-2xl font-bold">{en ? c.nameEn : c.nameZh}</h1>
        <p className="text-sm text-slate-700" data-testid="verification-status">
          {tk(c.kind)} · {tv(c.verificationStatus)}{c.statusReason ? ` · ${c.statusReason}` : ''}
        </p>
        <p className="text-sm text-slate-700">{c.qualifications}</p>
      </div>
      {can(actor, 'contractor.verify') ? (
        <div className="flex flex-wrap gap-3">
          {verificationStatuses.filter((to) => canChangeVerification(c.verificationStatus, to)).map((to) => (
            <VerificationForm
              key={to}
              contractorId={c.id}
              to={to}
              consequences={to === 'suspended' || to === 'debarred' ? previewConsequences(getDb(), actor, 'contractor', to === 'debarred' ? 'debar' : 'suspend', c.id) : undefined}
            />
          ))}
        </div>
      ) : null}
      <ContractorDocuments db={db} contractorId={c.id} locale={locale} mayUpload={can(actor, 'contractor.edit')} uploadStatus={typeof upload === 'string' ? upload : undefined} />
      <ContractorRecordPanel db={db} actor={actor} contractorId={c.id} />
      <Section headingId="held" title={t('contracts')} className="space-y-2">
        {found.contracts.length === 0 && found.contractsPage.page === 1 ? <p className="text-sm text-slate-600">{t('noContracts')}</p> : (
          <ul className="space-y-1 text-sm">
            {found.contracts.map((k) => (
              <li key={k.id}><Link href={`/desk/contracts/${k.id}`} className="font-mono text-brand-700 underline">{k.reference}</Link> · {en ? k.matterTitleEn : k.matterTitleZh} · {k.startDate} – {k.endDate} · {formatFen(k.valueFen, locale)} <ContractStatusBadge status={k.status} /></li>
            ))}
          </ul>
        )}
        <Pager pathname={`/desk/contractors/${c.id}`} query={{}} page={found.contractsPage.page} hasNext={found.contractsPage.hasNext} fragment="held" label={t('contracts')} />
      </Section>
      {can(actor, 'contractor.edit') ? (
        <Section headingId="edit" title={t('edit')} className="max-w-2xl space-y-2">
          <EditContractorForm contractorId={c.id} initial={{ nameZh: c.nameZh, nameEn: c.nameEn, kind: c.kind, legalRepresentative: c.legalRepresentative, contactPhone: c.contactPhone ?? '', contactEmail: c.contactEmail ?? '', qualifications: c.qualifications }} />
        </Section>
      ) : null}
      <History events={recordHistory(db, 'contractor', c.id)} title={t('history')} viewer={actor} />
    </div>
  );
}
