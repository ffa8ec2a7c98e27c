import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { contractScope } from '@/lib/auth/scope';
import { contractListQuery, listContractsForStaff } from '@/lib/contracts/list-queries';
import { listDepartments } from '@/lib/departments/queries';
import { contractStatuses } from '@/lib/domain/enums';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/app/_components/button';
import { DataTable } from '@/app/_components/data-table';
import { Pager } from '@/app/_components/pager';
import { fieldClass } from '@/app/_components/field-class';
import { ContractStatusBadge } from '@/app/_components/status-badge';

/**
 * Contracts as the reader's scope allows: for auditors and admins every department's (read-only here: each
 * contract's page says what the reader may do), filterable by words, status and department, paged.
 */
export default async function StaffContractsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  // Contractors and evaluators reach their contracts from their own homes.
  if (!can(actor, 'contract.read') || actor.role === 'contractor' || actor.role === 'evaluator') notFound();
  const query = contractListQuery.parse(await searchParams);
  const db = getDb();
  const { items, hasNext } = listContractsForStaff(db, actor, query);
  const t = await getTranslations('ledger.contractList');
  const ts = await getTranslations('contractStatus');
  const en = locale === 'en';
  const everyDepartment = contractScope(actor) === undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{everyDepartment ? t('titleAll') : t('title')}</h1>
      <form method="get" role="search" aria-label={t('searchLabel')} className="flex flex-wrap items-end gap-2">
        <label className="text-sm"><span className="block font-medium">{t('q')}</span><input name="q" defaultValue={query.q} className={fieldClass} /></label>
        <label className="text-sm"><span className="block font-medium">{t('status')}</span>
          <select name="status" defaultValue={query.status ?? ''} className={fieldClass}><option value="">{t('all')}</option>{contractStatuses.map((s) => <option key={s} value={s}>{ts(s)}</option>)}</select>
        </label>
        {everyDepartment ? (
          <label className="text-sm"><span className="block font-medium">{t('department')}</span>
            <select name="department" defaultValue={query.department ?? ''} className={fieldClass}><option value="">{t('all')}</option>{listDepartments(db).map((d) => <option key={d.id} value={d.id}>{en ? d.nameEn : d.nameZh}</option>)}</select>
          </label>
        ) : null}
        <Button type="submit" className="py-2">{t('apply')}</Button>
      </form>
      <DataTable
        rows={items}
        caption={everyDepartment ? t('titleAll') : t('title')}
        rowKey={(c) => c.id}
        rowTestId="contract-row"
        empty={t('none')}
        columns={[
          { header: t('reference'), nowrap: true, className: 'font-mono', rowHeader: true, cell: (c) => <Link href={`/desk/contracts/${c.id}`} className="text-brand-700 underline">{c.reference}</Link> },
          { header: t('matter'), cell: (c) => <><span className="font-mono text-xs text-slate-600">{c.matterCode}</span> {en ? c.matterTitleEn : c.matterTitleZh}</> },
          { header: t('contractor'), cell: (c) => (en ? c.contractorNameEn : c.contractorNameZh) },
          everyDepartment && { header: t('department'), cell: (c) => (en ? c.departmentNameEn : c.departmentNameZh) },
          { header: t('value'), numeric: true, cell: (c) => formatFen(c.valueFen, locale) },
          { header: t('period'), nowrap: true, className: 'tabular-nums', cell: (c) => `${c.startDate} – ${c.endDate}` },
          { header: t('status'), cell: (c) => <ContractStatusBadge status={c.status} /> },
          can(actor, 'audit.read') && { header: t('auditLink'), cell: (c) => <Link href={{ pathname: '/audit', query: { record: `contract:${c.id}` } }} className="text-brand-700 underline">{t('auditLink')}</Link> },
        ]}
      />
      <Pager pathname="/desk/contracts" query={query} page={query.page} hasNext={hasNext} />
    </div>
  );
}
