import { getFormatter, getTranslations } from 'next-intl/server';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { findContractorRecord } from '@/lib/contractors/record';
import { ON_TIME_GRACE_DAYS } from '@/lib/domain/predicates';
import { Section } from '@/app/_components/section';

/** The contractor's record, beside a draft, a pending approval or a renewal (Order 102: results inform renewals). */
export async function ContractorRecordPanel({ db, actor, contractorId }: { db: Db; actor: Actor; contractorId: number }) {
  const t = await getTranslations('contractorRecord');
  const format = await getFormatter();
  const r = findContractorRecord(db, actor, contractorId);
  return (
    <Section headingId="record-heading" title={t('title')} className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="contractor-record">
      <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
        <div><dt className="text-slate-600">{t('contractsHeld')}</dt><dd className="text-xl font-semibold tabular-nums">{r.contractsHeld}</dd></div>
        <div>
          <dt className="text-slate-600">{t('onTime', { days: ON_TIME_GRACE_DAYS })}</dt>
          <dd className="text-xl font-semibold tabular-nums">{t('onTimeValue', { onTime: r.acceptedOnTime, accepted: r.accepted, total: r.deliverables })}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('average')}</dt>
          <dd className="text-xl font-semibold tabular-nums">{r.averageScore === null ? t('noEvaluations') : t('averageValue', { score: format.number(r.averageScore), count: r.evaluations })}</dd>
        </div>
      </dl>
    </Section>
  );
}
