import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { actorFromSession } from '@/lib/auth/sign-in';
import { listContracts } from '@/lib/contracts/queries';
import { ContractTable } from '@/app/_components/contract-table';

/** The contractor portal: the organization's own contracts, never another's. */
export default async function PortalPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  if (user.role !== 'contractor') notFound();
  const contracts = listContracts(getDb(), actorFromSession(user), { limit: 100 });
  const t = await getTranslations('portal');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title', { organization: user.orgName ?? '' })}</h1>
      <ContractTable contracts={contracts} caption={t('title', { organization: user.orgName ?? '' })} />
    </div>
  );
}
