import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractors, contracts, departments, matters } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { matterScope } from '../auth/scope';
import { catalogueStatuses, matterCategories } from '../domain/enums';
import { inServiceSql } from '../domain/predicates';
import { z } from 'zod';
import { searchText } from '../shared/search-text';
import { PAGE_SIZE, pageNumber, readPage, type PageRequest } from '../shared/paging';

/**
 * In service (lib/domain/predicates.ts): listed and held by an active contract, the same on staff screens as
 * on public ones (a withdrawn matter whose contract still runs is not in service; its contracts show on its
 * page). Written out (alias inside, the outer table by name) so it cannot resolve inside its own table in
 * any select.
 */
const inService = sql<number>`${sql.raw(inServiceSql('"matters"."catalogue_status"', '"matters"."id"', { alias: 'sc' }))}`;

export const matterSorts = ['code', 'title', 'budget', 'updated'] as const;

/** The list's query string; anything unknown falls back to the default instead of failing. */
export const matterListQuery = z.object({
  q: searchText().catch(''),
  department: z.coerce.number().int().positive().optional().catch(undefined),
  category: z.enum(matterCategories).optional().catch(undefined),
  status: z.enum(catalogueStatuses).optional().catch(undefined),
  service: z.enum(['in', 'out']).optional().catch(undefined),
  sort: z.enum(matterSorts).catch('code'),
  page: pageNumber,
});
export type MatterListQuery = z.infer<typeof matterListQuery>;

export const MATTERS_PER_PAGE = PAGE_SIZE;

/**
 * Matters whose code, titles or descriptions contain the words, in either language: each word of three
 * or more characters through the trigram full-text index, shorter ones (common in Chinese) by LIKE.
 */
export function matterTextMatch(q: string): SQL {
  const words = q.split(/\s+/).map((w) => w.replace(/["%_]/g, '')).filter(Boolean).slice(0, 8);
  const long = words.filter((w) => [...w].length >= 3);
  const short = words.filter((w) => [...w].length < 3);
  const parts: SQL[] = [];
  if (long.length) parts.push(sql`${matters.id} in (select rowid from matters_fts where matters_fts match ${long.map((w) => `"${w}"`).join(' AND ')})`);
  for (const w of short) {
    const like = `%${w}%`;
    parts.push(sql`(${matters.code} like ${like} or ${matters.titleZh} like ${like} or ${matters.titleEn} like ${like} or ${matters.descriptionZh} like ${like} or ${matters.descriptionEn} like ${like})`);
  }
  return parts.length ? and(...parts)! : sql`1`;
}

/** Search over code, titles and descriptions in both languages; paged on an indexed order. */
export function listMattersForStaff(db: Db, actor: Actor, query: MatterListQuery) {
  requirePermission(actor, 'matter.read');
  const where = and(
    matterScope(actor),
    query.q ? matterTextMatch(query.q) : undefined,
    query.department ? eq(matters.departmentId, query.department) : undefined,
    query.category ? eq(matters.category, query.category) : undefined,
    query.status ? eq(matters.catalogueStatus, query.status) : undefined,
    query.service === 'in' ? sql`${inService}` : query.service === 'out' ? sql`not ${inService}` : undefined,
  );
  const order = {
    code: [asc(matters.code)],
    title: [asc(matters.titleZh), asc(matters.id)],
    budget: [desc(matters.annualBudgetFen), asc(matters.id)],
    updated: [desc(matters.updatedAt), asc(matters.id)],
  }[query.sort];
  const page = readPage(query.page, (limit, offset) =>
    db
      .select({
        id: matters.id,
        code: matters.code,
        titleZh: matters.titleZh,
        titleEn: matters.titleEn,
        category: matters.category,
        catalogueStatus: matters.catalogueStatus,
        annualBudgetFen: matters.annualBudgetFen,
        departmentNameZh: departments.nameZh,
        departmentNameEn: departments.nameEn,
        inService,
      })
      .from(matters)
      .innerJoin(departments, eq(departments.id, matters.departmentId))
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset)
      .all(),
  );
  return { ...page, items: page.items.map((r) => ({ ...r, inService: r.inService === 1 })) };
}

/** A matter with a page of its contracts (newest first). */
export function findMatterForStaff(db: Db, actor: Actor, matterId: number, { page = 1, size = PAGE_SIZE }: PageRequest = {}) {
  requirePermission(actor, 'matter.read');
  const matter = db
    .select({ matter: matters, departmentNameZh: departments.nameZh, departmentNameEn: departments.nameEn, inService })
    .from(matters)
    .innerJoin(departments, eq(departments.id, matters.departmentId))
    .where(and(eq(matters.id, matterId), matterScope(actor)))
    .get();
  if (!matter) return undefined;
  const held = readPage(
    page,
    (limit, offset) =>
      db
        .select({ id: contracts.id, reference: contracts.reference, status: contracts.status, startDate: contracts.startDate, endDate: contracts.endDate, valueFen: contracts.valueFen, contractorNameZh: contractors.nameZh, contractorNameEn: contractors.nameEn })
        .from(contracts)
        .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
        .where(eq(contracts.matterId, matterId))
        .orderBy(desc(contracts.startDate), desc(contracts.id))
        .limit(limit)
        .offset(offset)
        .all(),
    size,
  );
  return { ...matter, inService: matter.inService === 1, contracts: held.items, contractsPage: held };
}


export function listDepartmentChoices(db: Db) {
  return db.select({ id: departments.id, nameZh: departments.nameZh, nameEn: departments.nameEn }).from(departments).orderBy(asc(departments.code)).all();
}

