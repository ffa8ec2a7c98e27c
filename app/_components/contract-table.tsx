import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { ContractListItem } from '@/lib/contracts/queries';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { DataTable } from './data-table';
import { ContractStatusBadge } from './status-badge';

export async function ContractTable({ contracts, caption }: { contracts: ContractListItem[]; caption: ReactNode }) {
  const t = await getTranslations('contracts');
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
        { header: t('matter'), cell: (c) => <><span className="font-mono text-xs text-slate-600">{c.matterCode}</span> {en ? c.matterTitleEn : c.matterTitleZh}</> },
        { header: t('contractor'), cell: (c) => (en ? c.contractorNameEn : c.contractorNameZh) },
        { header: t('value'), numeric: true, cell: (c) => formatFen(c.valueFen, locale) },
        { header: t('period'), nowrap: true, className: 'tabular-nums', cell: (c) => `${c.startDate} – ${c.endDate}` },
        { header: t('status'), status: true, cell: (c) => <ContractStatusBadge status={c.status} /> },
      ]}
    />
  );
}
