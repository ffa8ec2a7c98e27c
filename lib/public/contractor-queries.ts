import 'server-only';
import { shanghaiDate } from '../shared/time';
import { and, asc, count, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractors, contracts, deliverables } from '../../db/schema';
import { activeContractStatuses, sqlIn } from '../domain/predicates';
import type { Page, PublicContractorDetail, PublicContractorListItem } from './dto';
import { likePattern, type ContractorFilter } from './filters';
import { contractListQuery, clampLimit, evaluationsWhere, isPublishedContractRow, publicContractorColumns, publishedContractLiteral, toContractItem } from './query-parts';

// Public reads of contractors: the register (keyset or numbered pages) and one contractor with its
// published contracts, record and evaluations.

// Selected from `contractors` alone: written out (see query-parts.ts on correlated subqueries), or every row
// would get one number.
const contractorCounts = {
  publishedContracts: sql<number>`(select count(*) from contracts pc where pc.contractor_id = "contractors"."id" and +pc.status in ${publishedContractLiteral})`,
  activeContracts: sql<number>`(select count(*) from contracts ac where ac.contractor_id = "contractors"."id" and ${sql.raw(sqlIn('+ac.status', activeContractStatuses))})`,
};

function contractorConditions(filter: ContractorFilter): SQL | undefined {
  const p = filter.q ? likePattern(filter.q) : undefined;
  return and(
    filter.kind ? eq(contractors.kind, filter.kind) : undefined,
    p ? or(sql`${contractors.nameZh} like ${p} escape '\\'`, sql`${contractors.nameEn} like ${p} escape '\\'`, sql`${contractors.creditCode} like ${p} escape '\\'`) : undefined,
  );
}

/** Contractors ordered by id, keyset (`after`) or numbered (`offset`) pages. */
export function findPublicContractors(
  db: Db,
  filter: ContractorFilter,
  page: { limit?: number; after?: number; offset?: number } = {},
): Page<PublicContractorListItem, number> {
  const limit = clampLimit(page.limit, 20);
  const where = contractorConditions(filter);
  const rows = db
    .select({ ...publicContractorColumns, ...contractorCounts })
    .from(contractors)
    .where(and(where, page.after === undefined ? undefined : gt(contractors.id, page.after)))
    .orderBy(asc(contractors.id))
    .limit(limit + 1)
    .offset(page.after === undefined ? Math.max(page.offset ?? 0, 0) : 0)
    .all();
  const total = db.select({ n: count() }).from(contractors).where(where).get()?.n ?? 0;
  const items = rows.slice(0, limit);
  return { items, total, nextAfter: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

export function getPublicContractor(db: Db, id: number): PublicContractorDetail | null {
  const row = db
    .select({ ...publicContractorColumns, statusReason: contractors.statusReason, statusChangedAt: contractors.statusChangedAt })
    .from(contractors)
    .where(eq(contractors.id, id))
    .get();
  if (!row) return null;
  const { statusReason, statusChangedAt, ...contractor } = row;
  // A sanction is published with its reason and date; nothing is said of pending or verified ones.
  const sanctioned = contractor.verificationStatus === 'suspended' || contractor.verificationStatus === 'debarred';
  const ofContractor = eq(contracts.contractorId, id);
  const list = contractListQuery(db, ofContractor).orderBy(sql`${contracts.startDate} desc`, asc(contracts.id)).all().map(toContractItem);
  const evals = evaluationsWhere(db, ofContractor);
  const accepted = db
    .select({ n: count() })
    .from(deliverables)
    .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
    .where(and(ofContractor, isPublishedContractRow, sql`+${deliverables.status} = 'accepted'`))
    .get();
  return {
    ...contractor,
    statusReason: sanctioned ? statusReason : null,
    statusSince: sanctioned && statusChangedAt ? shanghaiDate(statusChangedAt) : null,
    record: {
      publishedContracts: list.length,
      activeContracts: list.filter((c) => (activeContractStatuses as readonly string[]).includes(c.status)).length,
      totalValueFen: list.reduce((sum, c) => sum + c.valueFen, 0),
      amountPaidFen: list.reduce((sum, c) => sum + c.amountPaidFen, 0),
      acceptedDeliverables: accepted?.n ?? 0,
      evaluations: evals.length,
      averageScore: average(evals.map((e) => e.overallScore)),
    },
    contracts: list,
    evaluations: evals,
  };
}

const average = (values: number[]): number | null => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);
