import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { contractsNeedingAttention } from '@/lib/contracts/attention';
import { Link } from '@/lib/i18n/navigation';
import { Section } from '@/app/_components/section';

/** The officer's "needs attention now" lists, each linking to the contract. */
export async function DeskAttention({ actor }: { actor: Actor }) {
  const lists = contractsNeedingAttention(getDb(), actor);
  const t = await getTranslations('attention');
  const en = (await getLocale()) === 'en';
  const contractList = (key: 'awaitingApproval' | 'endingSoon' | 'pastEnd') => (
    <Section
      headingId={`attention-${key}`}
      title={<>{t(key)} <span className="tabular-nums text-slate-600">({lists[key].total})</span></>}
      level={3}
      className="rounded-md border border-slate-200 bg-white p-3"
      data-testid={`attention-${key}`}
    >
      {lists[key].total === 0 ? <p className="text-sm text-slate-600">{t('nothing')}</p> : (
        <ul className="mt-1 space-y-1 text-sm">
          {lists[key].items.map((c) => (
            <li key={c.id}>
              <Link href={`/desk/contracts/${c.id}`} className="font-mono text-brand-700 underline">{c.reference}</Link> {en ? c.matterTitleEn : c.matterTitleZh} · {t('ends', { date: c.endDate })}
            </li>
          ))}
        </ul>
      )}
      {lists[key].total > lists[key].items.length && <p className="mt-1 text-sm text-slate-600">{t('showingFirst', { shown: lists[key].items.length, total: lists[key].total })}</p>}
    </Section>
  );
  return (
    <Section headingId="attention-heading" title={t('title')} className="space-y-2">
      <div className="grid gap-3 md:grid-cols-2">
        {contractList('awaitingApproval')}
        {contractList('endingSoon')}
        {contractList('pastEnd')}
        <Section headingId="attention-milestones" title={<>{t('overdueMilestones')} <span className="tabular-nums text-slate-600">({lists.overdueMilestones.total})</span></>} level={3} className="rounded-md border border-slate-200 bg-white p-3" data-testid="attention-overdueMilestones">
          {lists.overdueMilestones.total === 0 ? <p className="text-sm text-slate-600">{t('nothing')}</p> : (
            <ul className="mt-1 space-y-1 text-sm">
              {lists.overdueMilestones.items.map((m) => (
                <li key={m.id}>
                  <Link href={`/desk/contracts/${m.contractId}`} className="font-mono text-brand-700 underline">{m.reference}</Link> {m.title} · {t('due', { date: m.dueDate })}
                </li>
              ))}
            </ul>
          )}
          {lists.overdueMilestones.total > lists.overdueMilestones.items.length && (
            <p className="mt-1 text-sm text-slate-600">{t('showingFirst', { shown: lists.overdueMilestones.items.length, total: lists.overdueMilestones.total })}</p>
          )}
        </Section>
      </div>
    </Section>
  );
}
