import 'server-only';
import { contractResults, type IndicatorProgress } from '../results/queries';
import { readContractProcurement } from '../procurement/read';
import { shanghaiDate } from '../shared/time';
import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { ProcurementMethod } from '../domain/enums';
import type { Db } from '../../db/client';
import { amendments, contractors, contracts, departments, matters, milestones, payments } from '../../db/schema';
import type { Page, PublicAmendment, PublicContractDetail, PublicContractListItem } from './dto';
import { readPublicCount } from './counts';
import {
  acceptedDeliverablesWhere,
  clampLimit,
  contractListColumns,
  contractListQuery,
  evaluationsWhere,
  isPublishedContractRow,
  publishedContractLiteral,
  toContractItem,
} from './query-parts';

// Public reads of contracts: the list (keyset-paged) and one contract with its milestones, payments,
// approved amendments, accepted work and evaluations.

/** Published contracts, keyset-paged by internal id (never shown; the cursor is opaque). */
export function findPublicContracts(db: Db, page: { limit?: number; after?: number; method?: ProcurementMethod } = {}): Page<PublicContractListItem, number> {
  const limit = clampLimit(page.limit, 50);
  // How the contractor was chosen (contract_procurements, indexed by method).
  const byMethod = page.method ? sql`exists (select 1 from contract_procurements p where p.contract_id = ${contracts.id} and p.method = ${page.method})` : undefined;
  // Always a range on the primary key (id > 0 for the first page): a search, never a scan, in the plan.
  const rows = contractListQuery(db, and(gt(contracts.id, page.after ?? 0), byMethod))
    .orderBy(asc(contracts.id))
    .limit(limit + 1)
    .all();
  const total = byMethod ? (db.select({ n: count() }).from(contracts).where(and(isPublishedContractRow, byMethod)).get()?.n ?? 0) : readPublicCount(db, 'contracts.published');
  const pageRows = rows.slice(0, limit);
  return { items: pageRows.map(toContractItem), total, nextAfter: rows.length > limit ? (pageRows.at(-1)?.id ?? null) : null };
}

export function getPublicContract(db: Db, reference: string): PublicContractDetail | null {
  const row = db
    .select({
      ...contractListColumns,
      statusReason: contracts.statusReason,
      statusChangedAt: contracts.statusChangedAt,
      terms: contracts.terms,
      justification: contracts.justification,
      approvedOn: sql<string | null>`substr(${contracts.approvedAt}, 1, 10)`,
      lastUpdated: contracts.updatedAt,
      renewalOf: sql<string | null>`(select previous.reference from contracts previous where previous.id = "contracts"."renewal_of_id" and previous.status in ${publishedContractLiteral})`,
    })
    .from(contracts)
    .innerJoin(matters, eq(matters.id, contracts.matterId))
    .innerJoin(departments, eq(departments.id, contracts.departmentId))
    .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
    .where(and(eq(contracts.reference, reference), isPublishedContractRow))
    .get();
  if (!row) return null;
  const { id, statusReason, statusChangedAt, ...contract } = row;
  const ofContract = eq(contracts.id, id);
  return {
    ...toContractItem({ id, ...contract }),
    statusReason: contract.status === 'suspended' || contract.status === 'terminated' ? statusReason : null,
    statusSince: contract.status !== 'active' && statusChangedAt ? shanghaiDate(statusChangedAt) : null,
    terms: contract.terms,
    justification: contract.justification,
    approvedOn: contract.approvedOn,
    lastUpdated: contract.lastUpdated,
    renewalOf: contract.renewalOf,
    procurement: readContractProcurement(db.$client, id, contract.valueFen),
    renewedBy: db
      .select({ reference: contracts.reference })
      .from(contracts)
      .where(and(eq(contracts.renewalOfId, id), isPublishedContractRow))
      .orderBy(asc(contracts.id))
      .all()
      .map((r) => r.reference),
    milestones: db
      .select({ title: milestones.title, type: milestones.type, dueDate: milestones.dueDate, status: milestones.status })
      .from(milestones)
      .where(eq(milestones.contractId, id))
      .orderBy(asc(milestones.dueDate), asc(milestones.id))
      .all(),
    payments: db
      .select({ amountFen: payments.amountFen, paidOn: payments.paidOn, milestoneTitle: milestones.title })
      .from(payments)
      .leftJoin(milestones, eq(milestones.id, payments.milestoneId))
      .where(eq(payments.contractId, id))
      .orderBy(asc(payments.paidOn), asc(payments.id))
      .all(),
    amendments: approvedAmendments(db, [id]).get(id) ?? [],
    acceptedDeliverables: acceptedDeliverablesWhere(db, ofContract),
    evaluations: evaluationsWhere(db, ofContract),
  };
}

/** Approved amendments only: pending and rejected ones are internal. */
function approvedAmendments(db: Db, contractIds: number[]): Map<number, PublicAmendment[]> {
  const byContract = new Map<number, PublicAmendment[]>();
  if (contractIds.length === 0) return byContract;
  const rows = db
    .select({
      contractId: amendments.contractId,
      rationale: amendments.rationale,
      previousValueFen: amendments.previousValueFen,
      newValueFen: amendments.newValueFen,
      previousEndDate: amendments.previousEndDate,
      newEndDate: amendments.newEndDate,
      termsChanged: sql<number>`${amendments.previousTerms} <> ${amendments.newTerms}`,
      approvedOn: sql<string | null>`substr(${amendments.decidedAt}, 1, 10)`,
    })
    .from(amendments)
    .where(and(inArray(amendments.contractId, contractIds), sql`+${amendments.status} = 'approved'`))
    .orderBy(asc(amendments.id))
    .all();
  for (const { contractId, termsChanged, ...a } of rows) byContract.set(contractId, [...(byContract.get(contractId) ?? []), { ...a, termsChanged: termsChanged === 1 }]);
  return byContract;
}

/**
 * A published contract's targets and accepted results per indicator (lib/results/queries.ts, `contractResults`):
 * only accepted deliverables count, so nothing under review shows. Null when the contract is not published.
 */
export function getPublicContractResults(db: Db, reference: string): IndicatorProgress[] | null {
  const row = db.select({ id: contracts.id }).from(contracts).where(and(eq(contracts.reference, reference), isPublishedContractRow)).get();
  return row ? contractResults(db, row.id) : null;
}
