import 'server-only';
import { and, asc, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractors, contracts, departments, matters } from '../../db/schema';
import { hasActiveContractSql, inServiceSql, isInService, publishedCatalogueStatuses, publishedMatterSql, servingCatalogueStatuses, sqlIn } from '../domain/predicates';
import type { Page, PublicContractorRef, PublicDepartment, PublicMatterDetail, PublicMatterListItem } from './dto';
import { readPublicCount } from './counts';
import { likePattern, type MatterFilter } from './filters';
import {
  acceptedDeliverablesWhere,
  clampLimit,
  contractListQuery,
  contractorRef,
  departmentRef,
  evaluationsWhere,
  isActiveContractRow,
  matterRef,
  publishedContractLiteral,
  toContractItem,
} from './query-parts';

// Public reads of matters: the catalogue list with its filters, one matter, the departments that own one.

const isPublishedMatter = inArray(matters.catalogueStatus, publishedCatalogueStatuses);

// Written out with its alias (see query-parts.ts on correlated subqueries).
const hasActiveContract = sql<number>`${sql.raw(hasActiveContractSql('"matters"."id"', { alias: 'ac', keepOffStatusIndex: true }))}`;

/** What a list row and a detail page both show of a matter (with its service status's inputs). */
const matterSummaryFields = {
  id: matters.id,
  ...matterRef,
  catalogueStatus: matters.catalogueStatus,
  annualBudgetFen: matters.annualBudgetFen,
  inService: hasActiveContract,
  department: departmentRef,
};

/** A published matter's service status: in service, or withdrawn, or (listed without an active contract) not in service. */
function serviceStatus(catalogueStatus: string, hasActive: number | boolean): PublicMatterListItem['serviceStatus'] {
  if (isInService(catalogueStatus, hasActive)) return 'in_service';
  return catalogueStatus === 'withdrawn' ? 'withdrawn' : 'not_in_service';
}

// Written out (not bound parameters) so that the planner can use the partial indexes built on exactly this
// condition (matters_published_*_idx): a bound value is unknown when the statement is prepared.
const isPublishedMatterLiteral = sql.raw(publishedMatterSql('"matters"."catalogue_status"'));
/** Listed: the catalogue status a matter is in service in, when an active contract holds it. */
const isServingMatter = sql.raw(sqlIn('"matters"."catalogue_status"', servingCatalogueStatuses));

/** In service: listed, and held by an active contract. */
const isInServiceMatter = sql.raw(inServiceSql('"matters"."catalogue_status"', '"matters"."id"', { alias: 'ac', keepOffStatusIndex: true }));

/** A phrase for the trigram index: the whole text, quotes doubled (FTS5 string syntax). */
const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

/**
 * The matter filter on `matters` alone (no join), so a page of ids comes from one index. The text search
 * is a literal substring (LIKE); from three characters on, the trigram index (matters_fts, case-insensitive,
 * so it finds every LIKE match and maybe a few more) narrows the rows LIKE has to look at.
 */
function matterConditions(filter: MatterFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isPublishedMatterLiteral];
  if (filter.q) {
    const p = likePattern(filter.q);
    if ([...filter.q].length >= 3) conditions.push(sql`${matters.id} in (select rowid from matters_fts where matters_fts match ${ftsPhrase(filter.q)})`);
    conditions.push(
      sql`(${matters.code} like ${p} escape '\\' or ${matters.titleZh} like ${p} escape '\\' or ${matters.titleEn} like ${p} escape '\\' or ${matters.descriptionZh} like ${p} escape '\\' or ${matters.descriptionEn} like ${p} escape '\\')`,
    );
  }
  if (filter.department) conditions.push(sql`${matters.departmentId} = (select ${departments.id} from ${departments} where ${departments.code} = ${filter.department})`);
  if (filter.category) conditions.push(eq(matters.category, filter.category));
  if (filter.contractorKind) {
    conditions.push(
      sql`exists (select 1 from contracts kc inner join contractors kk on kk.id = kc.contractor_id where kc.matter_id = "matters"."id" and +kc.status in ${publishedContractLiteral} and kk.kind = ${filter.contractorKind})`,
    );
  }
  if (filter.status === 'withdrawn') conditions.push(eq(matters.catalogueStatus, 'withdrawn'));
  if (filter.status === 'in_service') conditions.push(isInServiceMatter);
  if (filter.status === 'not_in_service') conditions.push(and(isServingMatter, sql`not ${hasActiveContract}`));
  return and(...conditions);
}

const isUnfiltered = (filter: MatterFilter) => Object.values(filter).every((v) => v === undefined);

/**
 * The total of a filter on the service status alone, from the overview's kept figures (public_counts, kept
 * by the triggers of count-triggers.ts from the same predicates): no walk over the catalogue. Null for any
 * other filter.
 */
function keptStatusTotal(db: Db, filter: MatterFilter): number | null {
  const { status, ...rest } = filter;
  if (!status || Object.values(rest).some((v) => v !== undefined)) return null;
  const kept = (name: string) => (db.$client.prepare('select coalesce((select n from public_counts where name = ?), 0)').pluck().get(name) as number);
  if (status === 'in_service') return kept('stats.matters.in_service');
  if (status === 'withdrawn') return kept('stats.matters.withdrawn');
  return kept('stats.matters.listed') - kept('stats.matters.in_service');
}

/**
 * A text search with at most this many trigram candidates is read from the full-text matches and sorted (a
 * few rows); with more, the page walks the code-ordered index and keeps the rows among the matches, so the
 * first page stops after its 20 rows instead of reading and sorting every match.
 */
const FTS_SORT_MAX = 200;

const isTrigramSearch = (filter: MatterFilter) => !!filter.q && [...filter.q].length >= 3;

/** How many rows the trigram index finds for the search (a count of its doclist: no matter row is read). */
function trigramCandidates(db: Db, q: string): number {
  return (db.$client.prepare('select count(*) from matters_fts where matters_fts match ?').pluck().get(ftsPhrase(q)) as number) ?? 0;
}

/**
 * `matters` read through the index that serves this filter in code order (INDEXED BY: without table
 * statistics the planner would take the catalogue status index, which matches nearly every row, and sort).
 * A text search of three or more characters with few matches starts from the full-text matches instead
 * (`fromMatches`).
 */
function mattersSource(filter: MatterFilter, fromMatches = isTrigramSearch(filter)): SQL {
  if (fromMatches) return sql`${matters} not indexed`;
  const index = filter.department ? 'matters_published_department_code_idx' : filter.category ? 'matters_published_category_code_idx' : 'matters_published_code_idx';
  return sql`${matters} indexed by ${sql.raw(index)}`;
}

/** Contractors of the active contracts of these matters, by matter id. */
function currentContractorsOf(db: Db, matterIds: number[]): Map<number, PublicContractorRef[]> {
  const byMatter = new Map<number, PublicContractorRef[]>();
  if (matterIds.length === 0) return byMatter;
  const rows = db
    .selectDistinct({ matterId: contracts.matterId, ...contractorRef })
    .from(contracts)
    .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
    .where(and(inArray(contracts.matterId, matterIds), isActiveContractRow))
    .orderBy(asc(contractors.id))
    .all();
  for (const { matterId, ...ref } of rows) byMatter.set(matterId, [...(byMatter.get(matterId) ?? []), ref]);
  return byMatter;
}

/** The matter list page counts a filtered search up to this many and then says "more than" (`totalCapped`). */
export const MATTER_COUNT_CAP = 200;

/**
 * Published matters ordered by code. Keyset paging with `after` (the last code seen) for the API,
 * or `offset` for numbered pages; `total` counts every match, or with `countCap` (the list page) at most
 * that many: a filtered search that matches more says so (`totalCapped`) without reading every match.
 */
export function findPublicMatters(
  db: Db,
  filter: MatterFilter,
  page: { limit?: number; after?: string; offset?: number; countCap?: number } = {},
): Page<PublicMatterListItem, string> & { totalCapped: boolean } {
  const limit = clampLimit(page.limit, 20);
  const where = matterConditions(filter);
  const fromMatches = isTrigramSearch(filter) && trigramCandidates(db, filter.q!) <= FTS_SORT_MAX;
  // First the page's ids, in code order, from one index (for a deep page: a walk along the index, no rows
  // read); then the page's 20 rows with their department and service status.
  const ids = db
    .select({ id: sql<number>`${matters.id}`, code: sql<string>`${matters.code}` })
    .from(mattersSource(filter, fromMatches))
    .where(and(where, page.after === undefined ? undefined : gt(matters.code, page.after)))
    .orderBy(asc(matters.code))
    .limit(limit + 1)
    .offset(page.after === undefined ? Math.max(page.offset ?? 0, 0) : 0)
    .all();
  const pageIds = ids.slice(0, limit).map((r) => r.id);
  const rows =
    pageIds.length === 0
      ? []
      : db
          .select(matterSummaryFields)
          .from(matters)
          .innerJoin(departments, eq(departments.id, matters.departmentId))
          .where(inArray(matters.id, pageIds))
          .orderBy(asc(matters.code))
          .all();
  let total: number;
  let totalCapped = false;
  const keptTotal = keptStatusTotal(db, filter);
  if (isUnfiltered(filter)) total = readPublicCount(db, 'matters.published');
  else if (keptTotal !== null) total = keptTotal;
  else if (page.countCap !== undefined) {
    // Count up to one past the cap, from the full-text matches when there is a text search.
    const cap = Math.max(page.countCap, 0);
    const found = db.select({ n: count() }).from(db.select({ one: sql`1` }).from(mattersSource(filter)).where(where).limit(cap + 1).as('capped')).get()?.n ?? 0;
    totalCapped = found > cap;
    total = Math.min(found, cap);
  } else total = db.select({ n: count() }).from(mattersSource(filter)).where(where).get()?.n ?? 0;
  const current = currentContractorsOf(db, pageIds);
  const items = rows.map(({ id, inService, catalogueStatus, ...r }) => ({
    ...r,
    catalogueStatus: catalogueStatus as PublicMatterListItem['catalogueStatus'],
    serviceStatus: serviceStatus(catalogueStatus, inService),
    currentContractors: current.get(id) ?? [],
  }));
  return { items, total, totalCapped, nextAfter: ids.length > limit ? (ids[limit - 1]?.code ?? null) : null };
}

/** A published matter with every published contract that has held it, accepted work and evaluations. */
export function getPublicMatter(db: Db, code: string): PublicMatterDetail | null {
  const row = db
    .select({
      ...matterSummaryFields,
      descriptionZh: matters.descriptionZh,
      descriptionEn: matters.descriptionEn,
      legalBasis: matters.legalBasis,
      serviceStandard: matters.serviceStandard,
      withdrawalReason: matters.withdrawalReason,
    })
    .from(matters)
    .innerJoin(departments, eq(departments.id, matters.departmentId))
    .where(and(eq(matters.code, code), isPublishedMatter))
    .get();
  if (!row) return null;
  const { id, inService, catalogueStatus, ...matter } = row;
  const ofMatter = eq(contracts.matterId, id);
  return {
    ...matter,
    catalogueStatus: catalogueStatus as PublicMatterDetail['catalogueStatus'],
    serviceStatus: serviceStatus(catalogueStatus, inService),
    currentContractors: currentContractorsOf(db, [id]).get(id) ?? [],
    contracts: contractListQuery(db, ofMatter).orderBy(sql`${contracts.startDate} desc`, asc(contracts.id)).all().map(toContractItem),
    acceptedDeliverables: acceptedDeliverablesWhere(db, ofMatter),
    evaluations: evaluationsWhere(db, ofMatter),
  };
}

/**
 * Departments that own a published matter, for the matter filter, in code order; at most `max` of them
 * (a registry of every county has tens of thousands: the filter then takes a code instead of a list).
 */
export function listPublicDepartments(db: Db, max = Number.MAX_SAFE_INTEGER): PublicDepartment[] {
  return db
    .select({ ...departmentRef, kind: departments.kind })
    .from(departments)
    .where(sql`exists (select 1 from matters dm where dm.department_id = "departments"."id" and ${sql.raw(publishedMatterSql('dm.catalogue_status'))})`)
    .orderBy(asc(departments.code))
    .limit(max)
    .all();
}
