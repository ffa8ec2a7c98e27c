import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { searchText } from '../shared/search-text';
import type { Db } from '../../db/client';
import { contractors, contracts, matters } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { contractorScope, contractScope } from '../auth/scope';
import { contractorKinds, verificationStatuses } from '../domain/enums';
import { PAGE_SIZE, pageNumber, readPage, type PageRequest } from '../shared/paging';

export const contractorListQuery = z.object({
  q: searchText().catch(''),
  kind: z.enum(contractorKinds).optional().catch(undefined),
  status: z.enum(verificationStatuses).optional().catch(undefined),
  page: pageNumber,
});
export type ContractorListQuery = z.infer<typeof contractorListQuery>;
export const CONTRACTORS_PER_PAGE = PAGE_SIZE;

/** The register of contractors for staff: every organization, searchable by name or credit code. */
export function listContractorsForStaff(db: Db, actor: Actor, query: ContractorListQuery) {
  requirePermission(actor, 'contractor.read');
  const like = `%${query.q.replaceAll('%', '').replaceAll('_', '')}%`;
  const page = readPage(query.page, (limit, offset) =>
    db
      .select({ id: contractors.id, nameZh: contractors.nameZh, nameEn: contractors.nameEn, kind: contractors.kind, creditCode: contractors.creditCode, verificationStatus: contractors.verificationStatus })
      .from(contractors)
      .where(
        and(
          contractorScope(actor),
          query.q ? sql`(${contractors.nameZh} like ${like} or ${contractors.nameEn} like ${like} or ${contractors.creditCode} like ${like})` : undefined,
          query.kind ? eq(contractors.kind, query.kind) : undefined,
          query.status ? eq(contractors.verificationStatus, query.status) : undefined,
        ),
      )
      .orderBy(asc(contractors.nameZh), asc(contractors.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  return page;
}

/** One contractor with a page of its contracts (newest first); contact details only for those who may edit the register. */
export function findContractorForStaff(db: Db, actor: Actor, contractorId: number, { page = 1, size = PAGE_SIZE }: PageRequest = {}) {
  requirePermission(actor, 'contractor.read');
  const row = db.select().from(contractors).where(and(eq(contractors.id, contractorId), contractorScope(actor))).get();
  if (!row) return undefined;
  const mayEdit = actor.role === 'admin';
  const held = readPage(
    page,
    (limit, offset) =>
      db
        .select({ id: contracts.id, reference: contracts.reference, status: contracts.status, startDate: contracts.startDate, endDate: contracts.endDate, valueFen: contracts.valueFen, departmentId: contracts.departmentId, matterCode: matters.code, matterTitleZh: matters.titleZh, matterTitleEn: matters.titleEn })
        .from(contracts)
        .innerJoin(matters, eq(matters.id, contracts.matterId))
        .where(and(eq(contracts.contractorId, contractorId), contractScope(actor)))
        .orderBy(desc(contracts.startDate), desc(contracts.id))
        .limit(limit)
        .offset(offset)
        .all(),
    size,
  );
  return {
    contractor: { ...row, contactPhone: mayEdit ? row.contactPhone : null, contactEmail: mayEdit ? row.contactEmail : null },
    contracts: held.items,
    contractsPage: held,
  };
}
