import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { ContractListItem } from '@/lib/contracts/queries';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { DataTable } from './data-table';
import { ContractStatusBadge } from './status-badge';

/**
 * Staff contract lists. `flags` (contract id → the procurement rules' warning codes) marks the contracts whose
 * recorded procurement drew warnings, on the approvals list.
 */
export async function ContractTable({ contracts, caption, flags }: { contracts: ContractListItem[]; caption: ReactNode; flags?: ReadonlyMap<number, readonly string[]> }) {
  const t = await getTranslations('contracts');
  const tp = await getTranslations('procurement');
  const locale = await getLocale();
  const en = locale === 'en';
  return (
    <DataTable
      rows={contracts}
      caption={caption}
      rowKey={(c) => c.id}
      rowTestId="contract-row"
      empty={t('none')}
      columns={[
        { header: t('reference'), rowHeader: true, nowrap: true, className: 'font-mono', cell: (c) => <Link href={`/desk/contracts/${c.id}`} className="text-brand-700 underline">{c.reference}</Link> },
        { header: t('matter'), cell: (c) => (
          <>
            <span className="font-mono text-xs text-slate-600">{c.matterCode}</span> {en ? c.matterTitleEn : c.matterTitleZh}
            {flags?.get(c.id)?.length ? (
              <span className="mt-1 flex flex-wrap gap-1" data-testid="procurement-marker">
                {flags.get(c.id)!.map((code) => (
                  <span key={code} className="rounded border border-amber-300 bg-amber-50 px-1.5 text-xs text-amber-900">
                    {tp(`flags.${code}`)}
                  </span>
                ))}
              </span>
            ) : null}
          </>
        ) },
        { header: t('contractor'), cell: (c) => (en ? c.contractorNameEn : c.contractorNameZh) },
        { header: t('value'), numeric: true, cell: (c) => formatFen(c.valueFen, locale) },
        { header: t('period'), nowrap: true, className: 'tabular-nums', cell: (c) => `${c.startDate} – ${c.endDate}` },
        { header: t('status'), status: true, cell: (c) => <ContractStatusBadge status={c.status} /> },
      ]}
    />
  );
}
