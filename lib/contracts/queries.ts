import 'server-only';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractors, contracts, matters } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { contractScope, isFourEyesViolation } from '../auth/scope';
import { contractStatuses, type ContractStatus } from '../domain/enums';
import { PAGE_SIZE, readCountedPage, readPage, type CountedPage, type PageRequest } from '../shared/paging';

export function countContractsByStatus(db: Db, actor: Actor): Record<ContractStatus, number> {
  requirePermission(actor, 'contract.read');
  const rows = db
    .select({ status: contracts.status, n: sql<number>`count(*)` })
    .from(contracts)
    .where(contractScope(actor))
    .groupBy(contracts.status)
    .all();
  const counts = Object.fromEntries(contractStatuses.map((s) => [s, 0])) as Record<ContractStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export type ContractListItem = {
  id: number;
  reference: string;
  status: ContractStatus;
  valueFen: number;
  startDate: string;
  endDate: string;
  matterCode: string;
  matterTitleZh: string;
  matterTitleEn: string;
  contractorNameZh: string;
  contractorNameEn: string;
  updatedAt: string;
};

const listColumns = {
  id: contracts.id,
  reference: contracts.reference,
  status: contracts.status,
  valueFen: contracts.valueFen,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  matterCode: matters.code,
  matterTitleZh: matters.titleZh,
  matterTitleEn: matters.titleEn,
  contractorNameZh: contractors.nameZh,
  contractorNameEn: contractors.nameEn,
  updatedAt: contracts.updatedAt,
};

export function listContracts(db: Db, actor: Actor, options: { status?: ContractStatus; contractorId?: number; limit?: number } = {}): ContractListItem[] {
  requirePermission(actor, 'contract.read');
  return db
    .select(listColumns)
    .from(contracts)
    .innerJoin(matters, eq(matters.id, contracts.matterId))
    .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
    .where(and(contractScope(actor), options.status ? eq(contracts.status, options.status) : undefined, options.contractorId ? eq(contracts.contractorId, options.contractorId) : undefined))
    .orderBy(desc(contracts.updatedAt), desc(contracts.id))
    .limit(options.limit ?? 50)
    .all();
}

/** Contracts waiting in this approver's department, oldest first, a page at a time; each marked when the approver drafted it. */
export function listAwaitingApproval(db: Db, actor: Actor, { page = 1, size = PAGE_SIZE }: PageRequest = {}): CountedPage<ContractListItem & { draftedByMe: boolean }> {
  requirePermission(actor, 'contract.approve');
  const where = and(contractScope(actor), eq(contracts.status, 'pending_approval'));
  return readCountedPage(
    page,
    (limit, offset) =>
      db
        .select({ ...listColumns, draftedBy: contracts.draftedBy })
        .from(contracts)
        .innerJoin(matters, eq(matters.id, contracts.matterId))
        .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
        .where(where)
        .orderBy(asc(contracts.updatedAt), asc(contracts.id))
        .limit(limit)
        .offset(offset)
        .all()
        .map(({ draftedBy, ...c }) => ({ ...c, draftedByMe: isFourEyesViolation(actor, draftedBy) })),
    () => db.select({ n: count() }).from(contracts).where(where).get()?.n ?? 0,
    size,
  );
}

/** Contracts the actor reads, a page at a time (the portal's, the evaluator's, the desk's latest), most recently changed first. */
export function listContractsPage(db: Db, actor: Actor, { page = 1, size = PAGE_SIZE }: PageRequest = {}) {
  requirePermission(actor, 'contract.read');
  return readPage(
    page,
    (limit, offset) =>
      db
        .select(listColumns)
        .from(contracts)
        .innerJoin(matters, eq(matters.id, contracts.matterId))
        .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
        .where(contractScope(actor))
        .orderBy(desc(contracts.updatedAt), desc(contracts.id))
        .limit(limit)
        .offset(offset)
        .all(),
    size,
  );
}
