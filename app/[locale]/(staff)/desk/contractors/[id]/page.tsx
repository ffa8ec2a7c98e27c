import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { actorFromSession } from '@/lib/auth/sign-in';
import { findContractorForStaff } from '@/lib/contractors/queries';
import { listContracts } from '@/lib/contracts/queries';
import { ContractTable } from '@/app/_components/contract-table';
import { ContractorRecordPanel } from '../../deliverables/contractor-record-panel';

/** A contractor for staff: who it is, its record, and the contracts with it the reader may see. */
export default async function StaffContractorPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = actorFromSession(await requirePageUser(locale));
  if (!can(actor, 'contractor.read') || !/^\d{1,12}$/.test(id)) notFound();
  const db = getDb();
  const contractor = findContractorForStaff(db, actor, Number(id));
  if (!contractor) notFound();
  const t = await getTranslations('contractorPage');
  const tk = await getTranslations('contractorKind');
  const en = locale === 'en';
  const contracts = listContracts(db, actor, { contractorId: contractor.id, limit: 100 });
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{contractor.creditCode}</p>
        <h1 className="text-2xl font-bold">{en ? contractor.nameEn : contractor.nameZh}</h1>
        <p className="text-sm">
          {tk(contractor.kind)} · {t(`verification.${contractor.verificationStatus}`)}
          {contractor.statusReason ? ` · ${contractor.statusReason}` : ''}
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div><dt className="text-slate-600">{t('legalRepresentative')}</dt><dd>{contractor.legalRepresentative}</dd></div>
        <div><dt className="text-slate-600">{t('qualifications')}</dt><dd className="whitespace-pre-line">{contractor.qualifications || '—'}</dd></div>
      </dl>
      <ContractorRecordPanel db={db} actor={actor} contractorId={contractor.id} />
      <section aria-labelledby="contractor-contracts" className="space-y-2">
        <h2 id="contractor-contracts" className="text-lg font-semibold">{t('contracts')}</h2>
        <ContractTable contracts={contracts} caption={t('contracts')} />
      </section>
    </div>
  );
}
