import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { buildActor } from '@/lib/auth/actor';
import { listContracts } from '@/lib/contracts/queries';
import { listReturnedWork, listUpcomingMilestones } from '@/lib/deliverables/queries';
import { todayInShanghai } from '@/lib/shared/time';
import { Link } from '@/lib/i18n/navigation';
import { ContractTable } from '@/app/_components/contract-table';
import { Section } from '@/app/_components/section';

/** How far ahead the portal shows milestones coming due. */
const UPCOMING_DAYS = 60;

/** The contractor portal: what needs attention (returned work, due dates), then the organization's own contracts. */
export default async function PortalPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  if (user.role !== 'contractor') notFound();
  const actor = buildActor(user);
  const db = getDb();
  const contracts = listContracts(db, actor, { limit: 100 });
  const returned = listReturnedWork(db, actor);
  const today = todayInShanghai();
  const until = new Date(`${today}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() + UPCOMING_DAYS);
  const upcoming = listUpcomingMilestones(db, actor, until.toISOString().slice(0, 10));
  const t = await getTranslations('portal');
  const ta = await getTranslations('attention');
  const tm = await getTranslations('milestone');
  const en = locale === 'en';
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title', { organization: user.orgName ?? '' })}</h1>
      <Section headingId="returned-work" title={ta('returnedWork', { count: returned.length })} className="space-y-2">
        {returned.length === 0 ? <p className="text-sm text-slate-600">{ta('nothingReturned')}</p> : (
          <ul className="space-y-2 text-sm" data-testid="returned-work">
            {returned.map((d) => (
              <li key={d.id} className="rounded-md border border-red-200 bg-red-50 p-2" data-testid="returned-deliverable">
                <Link href={`/desk/contracts/${d.contractId}#deliverable-${d.id}`} className="font-medium text-brand-700 underline">{d.title}</Link>{' '}
                · <span className="font-mono">{d.reference}</span> · {en ? d.matterTitleEn : d.matterTitleZh}
                {d.reviewComment ? <p className="mt-1">{ta('comment', { comment: d.reviewComment })}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section headingId="upcoming" title={ta('upcoming', { days: UPCOMING_DAYS })} className="space-y-2">
        {upcoming.length === 0 ? <p className="text-sm text-slate-600">{ta('nothingDue')}</p> : (
          <ul className="space-y-1 text-sm" data-testid="upcoming-milestones">
            {upcoming.map((m) => (
              <li key={m.id}>
                <span className={m.dueDate < today ? 'font-semibold text-red-800 tabular-nums' : 'tabular-nums'}>{m.dueDate}</span>
                {m.dueDate < today ? ` (${ta('overdue')})` : ''} · {m.title} · {tm(`type.${m.type}`)} ·{' '}
                <Link href={`/desk/contracts/${m.contractId}`} className="text-brand-700 underline">{m.reference}</Link> · {en ? m.matterTitleEn : m.matterTitleZh}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section headingId="own-contracts" title={t('contracts')} className="space-y-2">
        <ContractTable contracts={contracts} caption={t('title', { organization: user.orgName ?? '' })} />
      </Section>
    </div>
  );
}
