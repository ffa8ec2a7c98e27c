// Tests only: the overview's figures counted from the tables, written separately from the kept counts
// (./stats-counts.ts, its triggers in ./count-triggers.ts and its RECOUNT) so that the tests beside it
// (stats-counts, count-triggers, counts, lib/figures/recount) compare two independent countings.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractorKinds, type ContractorKind, type MatterCategory } from '../domain/enums';
import { inServiceSql, ON_TIME_GRACE_DAYS, publishedContractSql, publishedMatterSql, submittedOnTimeSql, type PublishedContractStatus } from '../domain/predicates';
import type { PublicStats } from './dto';
import { emptyByStatus } from './stats-counts';

const isPublished = (column: string) => sql.raw(publishedContractSql(column));

/** Headline figures and chart series, counted from the tables: the reference the kept counts are checked against. */
export function countPublicStats(db: Db): PublicStats {
  const m = db.get<{ published: number; listed: number; withdrawn: number; inService: number }>(sql`
    select count(*) as published,
           coalesce(sum(catalogue_status = 'listed'), 0) as listed,
           coalesce(sum(catalogue_status = 'withdrawn'), 0) as withdrawn,
           coalesce(sum(${sql.raw(inServiceSql('catalogue_status', 'matters.id', { alias: 'c' }))}), 0) as inService
    from matters where ${sql.raw(publishedMatterSql('catalogue_status'))}`);
  const byKind = Object.fromEntries(contractorKinds.map((k) => [k, 0])) as Record<ContractorKind, number>;
  for (const r of db.all<{ kind: ContractorKind; n: number }>(sql`select kind, count(*) as n from contractors group by kind`)) byKind[r.kind] = r.n;

  const byStatus = emptyByStatus();
  for (const r of db.all<{ status: PublishedContractStatus; n: number }>(sql`select status, count(*) as n from contracts where ${isPublished('status')} group by status`)) byStatus[r.status] = r.n;
  const money = db.get<{ value: number; paid: number }>(sql`
    select coalesce((select sum(value_fen) from contracts where ${isPublished('status')}), 0) as value,
           coalesce((select sum(p.amount_fen) from payments p join contracts c on c.id = p.contract_id where ${isPublished('c.status')}), 0) as paid`);
  const d = db.get<{ accepted: number; onTime: number }>(sql`
    select count(*) as accepted,
           coalesce(sum(${sql.raw(submittedOnTimeSql('d.submitted_at', 'd.period_end'))}), 0) as onTime
    from deliverables d join contracts c on c.id = d.contract_id
    where d.status = 'accepted' and ${isPublished('c.status')}`);
  const e = db.get<{ n: number; avg: number | null }>(sql`
    select count(*) as n, avg(e.overall_score) as avg from evaluations e join contracts c on c.id = e.contract_id where ${isPublished('c.status')}`);
  const valueByCategory = db.all<{ category: MatterCategory; contracts: number; valueFen: number }>(sql`
    select m.category as category, count(*) as contracts, sum(c.value_fen) as valueFen
    from contracts c join matters m on m.id = c.matter_id
    where ${isPublished('c.status')} group by m.category order by valueFen desc, m.category`);
  const years = new Map<number, Record<PublishedContractStatus, number>>();
  for (const r of db.all<{ year: number; status: PublishedContractStatus; n: number }>(sql`
    select cast(substr(start_date, 1, 4) as integer) as year, status, count(*) as n
    from contracts where ${isPublished('status')} group by year, status order by year`)) {
    const counts = years.get(r.year) ?? emptyByStatus();
    counts[r.status] = r.n;
    years.set(r.year, counts);
  }
  return {
    matters: m,
    contractors: { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind },
    contracts: { published: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus, totalValueFen: money.value, amountPaidFen: money.paid },
    deliverables: { accepted: d.accepted, acceptedOnTime: d.onTime, graceDays: ON_TIME_GRACE_DAYS },
    evaluations: { count: e.n, averageScore: e.avg === null ? null : Math.round(e.avg * 10) / 10 },
    valueByCategory,
    contractsByStartYear: [...years.entries()].map(([year, counts]) => ({ year, byStatus: counts })),
  };
}
