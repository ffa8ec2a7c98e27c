import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { listContractorsForStaff } from '@/lib/contractors/staff-queries';
import { Link } from '@/lib/i18n/navigation';

/** On the admin's home: contractors registered and waiting for verification, each a link to its page. */
export async function AwaitingVerification({ actor }: { actor: Actor }) {
  if (!can(actor, 'contractor.verify')) return null;
  const { items, hasNext } = listContractorsForStaff(getDb(), actor, { q: '', status: 'pending', page: 1 });
  const t = await getTranslations('adminHome');
  const en = (await getLocale()) === 'en';
  return (
    <section aria-labelledby="awaiting-verification" className="space-y-2 rounded-md border border-slate-200 bg-white p-3" data-testid="awaiting-verification">
      <h2 id="awaiting-verification" className="text-lg font-semibold">{t('awaitingVerification')}</h2>
      {items.length === 0 ? <p className="text-sm text-slate-600">{t('noneAwaiting')}</p> : (
        <ul className="space-y-1 text-sm">
          {items.map((c) => (
            <li key={c.id} data-testid="pending-contractor" className="break-words">
              <Link href={`/desk/contractors/${c.id}`} className="text-brand-700 underline">{en ? c.nameEn : c.nameZh}</Link> · <span className="font-mono text-xs">{c.creditCode}</span>
            </li>
          ))}
        </ul>
      )}
      {hasNext ? <p className="text-sm"><Link href={{ pathname: '/desk/contractors', query: { status: 'pending' } }} className="text-brand-700 underline">{t('allAwaiting')}</Link></p> : null}
    </section>
  );
}
