import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { contractors, contracts, departments, matters } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { contractScope } from '../auth/scope';
import { contractStatuses } from '../domain/enums';
import { searchText } from '../shared/search-text';
import { PAGE_SIZE, pageNumber, readPage } from '../shared/paging';

/** The staff contract list's filters, all in the query string; anything malformed is dropped. */
export const contractListQuery = z.object({
  q: searchText().catch(''),
  status: z.enum(contractStatuses).optional().catch(undefined),
  department: z.coerce.number().int().positive().optional().catch(undefined),
  page: pageNumber,
});
export type ContractListQuery = z.infer<typeof contractListQuery>;
export const CONTRACTS_PER_PAGE = PAGE_SIZE;

/**
 * Contracts the actor reads, in their scope (lib/auth/scope.ts): an auditor's or admin's reach every department;
 * an officer's their own. By reference, matter or contractor; newest reference first.
 */
export function listContractsForStaff(db: Db, actor: Actor, query: ContractListQuery) {
  requirePermission(actor, 'contract.read');
  const like = `%${query.q.replaceAll('\\', '').replaceAll('%', '').replaceAll('_', '')}%`;
  const page = readPage(query.page, (limit, offset) =>
    db
      .select({
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
        departmentNameZh: departments.nameZh,
        departmentNameEn: departments.nameEn,
      })
      .from(contracts)
      .innerJoin(matters, eq(matters.id, contracts.matterId))
      .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
      .innerJoin(departments, eq(departments.id, contracts.departmentId))
      .where(
        and(
          contractScope(actor),
          query.q
            ? sql`(${contracts.reference} like ${like} or ${matters.code} like ${like} or ${matters.titleZh} like ${like} or ${matters.titleEn} like ${like} or ${contractors.nameZh} like ${like} or ${contractors.nameEn} like ${like})`
            : undefined,
          query.status ? eq(contracts.status, query.status) : undefined,
          query.department ? eq(contracts.departmentId, query.department) : undefined,
        ),
      )
      .orderBy(desc(contracts.reference), asc(contracts.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  return page;
}
