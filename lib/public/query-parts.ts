import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractors, contracts, deliverables, departments, evaluations, matters } from '../../db/schema';
import { activeContractStatuses, publishedContractStatuses, sqlList, type PublishedContractStatus } from '../domain/predicates';
import type { PublicAcceptedDeliverable, PublicContractListItem, PublicEvaluation } from './dto';

// The only reads behind the public pages and the open-data API (with ./matter-queries.ts,
// ./contract-queries.ts, ./contractor-queries.ts, ./stats-queries.ts and ./download-rows.ts). Every query
// names its columns: nothing personal (contacts, legal representatives, users, who submitted or reviewed)
// and nothing unpublished (draft matters; draft, pending or cancelled contracts; submitted or returned work;
// undecided amendments). This module holds what they share: column sets, published-row conditions, the
// contract list, accepted work and evaluations.

export const MAX_PAGE_SIZE = 100;

// The same conditions with a unary plus, which keeps the planner off the status indexes: a status matches
// most rows, so leading with it means reading most of the table; the id, matter or contractor leads instead.
export const publishedContractLiteral = sql.raw(sqlList(publishedContractStatuses));
export const isPublishedContractRow = sql`+${contracts.status} in ${publishedContractLiteral}`;
export const isActiveContractRow = sql`+${contracts.status} in ${sql.raw(sqlList(activeContractStatuses))}`;

export const departmentRef = { code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn };
export const contractorRef = { id: contractors.id, nameZh: contractors.nameZh, nameEn: contractors.nameEn, kind: contractors.kind, creditCode: contractors.creditCode };
export const matterRef = { code: matters.code, titleZh: matters.titleZh, titleEn: matters.titleEn, category: matters.category };
export const publicContractorColumns = { ...contractorRef, verificationStatus: contractors.verificationStatus };

// Correlated subqueries are written out: the inner table under an alias of its own, the outer row by its
// table's name. Built from Drizzle columns instead, `${contracts.matterId} = ${matters.id}` loses its table
// names in the column list of a single-table select (Drizzle writes bare column names there) and becomes
// `"matter_id" = "id"`, two columns of the subquery's own table: one number for every row, and no error.
// lib/figures/recount.test.ts recounts every figure these produce.
const paidSum = sql<number>`(select coalesce(sum(pp.amount_fen), 0) from payments pp where pp.contract_id = "contracts"."id")`;

/** A page size within 1…MAX_PAGE_SIZE, `fallback` when none is asked for. */
export const clampLimit = (limit: number | undefined, fallback: number) => Math.min(Math.max(Math.trunc(limit ?? fallback), 1), MAX_PAGE_SIZE);

export const contractListColumns = {
  id: contracts.id,
  reference: contracts.reference,
  status: contracts.status,
  valueFen: contracts.valueFen,
  amountPaidFen: paidSum,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  matter: matterRef,
  department: departmentRef,
  contractor: contractorRef,
};

/** Published contracts with their matter, department and contractor; `where` narrows them. */
export function contractListQuery(db: Db, where: SQL | undefined) {
  return db
    .select(contractListColumns)
    .from(contracts)
    .innerJoin(matters, eq(matters.id, contracts.matterId))
    .innerJoin(departments, eq(departments.id, contracts.departmentId))
    .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
    .where(and(isPublishedContractRow, where));
}

type ContractListRow = ReturnType<ReturnType<typeof contractListQuery>['all']>[number];

/** The public item; the internal id stays behind (it only orders and pages). */
export const toContractItem = (row: ContractListRow): PublicContractListItem => ({
  reference: row.reference,
  status: row.status as PublishedContractStatus,
  valueFen: row.valueFen,
  amountPaidFen: row.amountPaidFen,
  startDate: row.startDate,
  endDate: row.endDate,
  matter: row.matter,
  department: row.department,
  contractor: row.contractor,
});

/** Accepted work of the published contracts `where` selects. */
export function acceptedDeliverablesWhere(db: Db, where: SQL): PublicAcceptedDeliverable[] {
  return db
    .select({
      contractReference: contracts.reference,
      title: deliverables.title,
      periodStart: deliverables.periodStart,
      periodEnd: deliverables.periodEnd,
      acceptedOn: sql<string | null>`substr(${deliverables.reviewedAt}, 1, 10)`,
    })
    .from(deliverables)
    .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
    .where(and(where, isPublishedContractRow, sql`+${deliverables.status} = 'accepted'`))
    .orderBy(asc(deliverables.periodStart), asc(deliverables.id))
    .all();
}

/** Evaluations of the published contracts `where` selects. */
export function evaluationsWhere(db: Db, where: SQL): PublicEvaluation[] {
  return db
    .select({
      contractReference: contracts.reference,
      evaluatorKind: evaluations.evaluatorKind,
      periodStart: evaluations.periodStart,
      periodEnd: evaluations.periodEnd,
      overallScore: evaluations.overallScore,
      grade: evaluations.grade,
      scores: evaluations.scores,
    })
    .from(evaluations)
    .innerJoin(contracts, eq(contracts.id, evaluations.contractId))
    .where(and(where, isPublishedContractRow))
    .orderBy(asc(evaluations.periodStart), asc(evaluations.id))
    .all()
    .map((e) => ({ ...e, scores: parseScores(e.scores) }));
}

function parseScores(json: string): Record<string, number> {
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== 'object') return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}
