import { getLocale, getTranslations } from 'next-intl/server';
import type { ContractListItem } from '@/lib/contracts/queries';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { ContractStatusBadge } from './status-badge';

export async function ContractTable({ contracts, caption }: { contracts: ContractListItem[]; caption: string }) {
  const t = await getTranslations('contracts');
  const locale = await getLocale();
  const en = locale === 'en';
  if (contracts.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-3">{t('reference')}</th>
            <th scope="col" className="py-2 pr-3">{t('matter')}</th>
            <th scope="col" className="py-2 pr-3">{t('contractor')}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t('value')}</th>
            <th scope="col" className="py-2 pr-3">{t('period')}</th>
            <th scope="col" className="py-2">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((c) => (
            <tr key={c.id} className="border-b border-slate-100" data-testid="contract-row">
              <td className="py-2 pr-3 font-mono">
                <Link href={`/desk/contracts/${c.id}`} className="text-brand-700 underline">
                  {c.reference}
                </Link>
              </td>
              <td className="py-2 pr-3">
                <span className="font-mono text-xs text-slate-600">{c.matterCode}</span> {en ? c.matterTitleEn : c.matterTitleZh}
              </td>
              <td className="py-2 pr-3">{en ? c.contractorNameEn : c.contractorNameZh}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatFen(c.valueFen, locale)}</td>
              <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
                {c.startDate} – {c.endDate}
              </td>
              <td className="py-2">
                <ContractStatusBadge status={c.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
