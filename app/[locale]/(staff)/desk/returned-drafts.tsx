import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { listReturnedDrafts } from '@/lib/contracts/approval-loop';
import { Link } from '@/lib/i18n/navigation';

/** On the officer's desk: drafts the approver sent back, each with the approver's comment and the way to edit it. */
export async function ReturnedDrafts({ actor }: { actor: Actor }) {
  const returned = listReturnedDrafts(getDb(), actor);
  if (returned.length === 0) return null;
  const t = await getTranslations('approvalLoop');
  const format = await getFormatter();
  const en = (await getLocale()) === 'en';
  return (
    <section aria-labelledby="returned-drafts" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3">
      <h2 id="returned-drafts" className="text-lg font-semibold">{t('deskHeading', { count: returned.length })}</h2>
      <ul className="space-y-2 text-sm" data-testid="returned-drafts">
        {returned.map((r) => (
          <li key={r.contractId} data-testid="returned-draft">
            <p>
              <Link href={`/desk/contracts/${r.contractId}`} className="font-mono text-brand-700 underline">{r.reference}</Link> · {en ? r.matterTitleEn : r.matterTitleZh}
            </p>
            <p className="text-slate-700">{t('returnedBy', { name: r.returnedBy, time: format.dateTime(new Date(r.returnedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
            <p className="whitespace-pre-line">{r.comment}</p>
            <Link href={`/desk/contracts/${r.contractId}/edit`} className="text-brand-700 underline">{t('editReturned')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
