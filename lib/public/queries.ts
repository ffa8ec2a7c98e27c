import 'server-only';
import { and, asc, count, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from '../../db/client';
import { amendments, contractors, contracts, deliverables, departments, evaluations, matters, milestones, payments } from '../../db/schema';
import { contractorKinds, type ContractorKind, type MatterCategory } from '../domain/enums';
import {
  hasActiveContractSql,
  inServiceSql,
  isInService,
  ON_TIME_GRACE_DAYS,
  activeContractStatuses,
  publishedCatalogueStatuses,
  publishedContractSql,
  publishedMatterSql,
  sqlIn,
  sqlList,
  submittedOnTimeSql,
  publishedContractStatuses,
  servingCatalogueStatuses,
  type PublishedContractStatus,
} from '../domain/predicates';
import {
  type Page,
  type PublicAcceptedDeliverable,
  type PublicAmendment,
  type PublicContractDetail,
  type PublicContractListItem,
  type PublicContractorDetail,
  type PublicContractorListItem,
  type PublicContractorRef,
  type PublicDepartment,
  type PublicEvaluation,
  type PublicMatterDetail,
  type PublicMatterListItem,
  type PublicStats,
} from './dto';
import { likePattern, type ContractorFilter, type MatterFilter } from './filters';
import { emptyByStatus, readPublicStats } from './stats-counts';
import { readPublicCount } from './counts';

// The only reads behind the public pages and the open-data API. Every query names its columns: nothing
// personal (contacts, legal representatives, users, who submitted or reviewed) and nothing unpublished
// (draft matters; draft, pending or cancelled contracts; submitted or returned work; undecided amendments).

export const MAX_PAGE_SIZE = 100;

// The same conditions with a unary plus, which keeps the planner off the status indexes: a status matches
// most rows, so leading with it means reading most of the table; the id, matter or contractor leads instead.
const publishedContractLiteral = sql.raw(sqlList(publishedContractStatuses));
const isPublishedContractRow = sql`+${contracts.status} in ${publishedContractLiteral}`;
const isActiveContractRow = sql`+${contracts.status} in ${sql.raw(sqlList(activeContractStatuses))}`;
const isPublishedMatter = inArray(matters.catalogueStatus, publishedCatalogueStatuses);

const departmentRef = { code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn };
const contractorRef = { id: contractors.id, nameZh: contractors.nameZh, nameEn: contractors.nameEn, kind: contractors.kind, creditCode: contractors.creditCode };
const matterRef = { code: matters.code, titleZh: matters.titleZh, titleEn: matters.titleEn, category: matters.category };
const publicContractorColumns = { ...contractorRef, verificationStatus: contractors.verificationStatus };

// Correlated subqueries are written out: the inner table under an alias of its own, the outer row by its
// table's name. Built from Drizzle columns instead, `${contracts.matterId} = ${matters.id}` loses its table
// names in the column list of a single-table select (Drizzle writes bare column names there) and becomes
// `"matter_id" = "id"`, two columns of the subquery's own table: one number for every row, and no error.
// lib/figures/recount.test.ts recounts every figure these produce.
const hasActiveContract = sql<number>`${sql.raw(hasActiveContractSql('"matters"."id"', { alias: 'ac', keepOffStatusIndex: true }))}`;
const paidSum = sql<number>`(select coalesce(sum(pp.amount_fen), 0) from payments pp where pp.contract_id = "contracts"."id")`;

const clampLimit = (limit: number | undefined, fallback: number) => Math.min(Math.max(Math.trunc(limit ?? fallback), 1), MAX_PAGE_SIZE);

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
  if (filter.status === 'in_service') conditions.push(and(isServingMatter, sql`${hasActiveContract}`));
  if (filter.status === 'not_in_service') conditions.push(and(isServingMatter, sql`not ${hasActiveContract}`));
  return and(...conditions);
}

const isUnfiltered = (filter: MatterFilter) => Object.values(filter).every((v) => v === undefined);

/**
 * `matters` read through the index that serves this filter in code order (INDEXED BY: without table
 * statistics the planner would take the catalogue status index, which matches nearly every row, and sort).
 * A text search of three or more characters starts from the full-text matches instead.
 */
function mattersSource(filter: MatterFilter): SQL {
  if (filter.q && [...filter.q].length >= 3) return sql`${matters} not indexed`;
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

/**
 * Published matters ordered by code. Keyset paging with `after` (the last code seen) for the API,
 * or `offset` for numbered pages; `total` counts every match.
 */
export function findPublicMatters(db: Db, filter: MatterFilter, page: { limit?: number; after?: string; offset?: number } = {}): Page<PublicMatterListItem, string> {
  const limit = clampLimit(page.limit, 20);
  const where = matterConditions(filter);
  // First the page's ids, in code order, from one index (for a deep page: a walk along the index, no rows
  // read); then the page's 20 rows with their department and service status.
  const ids = db
    .select({ id: sql<number>`${matters.id}`, code: sql<string>`${matters.code}` })
    .from(mattersSource(filter))
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
          .select({
            id: matters.id,
            ...matterRef,
            catalogueStatus: matters.catalogueStatus,
            annualBudgetFen: matters.annualBudgetFen,
            inService: hasActiveContract,
            department: departmentRef,
          })
          .from(matters)
          .innerJoin(departments, eq(departments.id, matters.departmentId))
          .where(inArray(matters.id, pageIds))
          .orderBy(asc(matters.code))
          .all();
  const total = isUnfiltered(filter) ? readPublicCount(db, 'matters.published') : (db.select({ n: count() }).from(mattersSource(filter)).where(where).get()?.n ?? 0);
  const current = currentContractorsOf(db, pageIds);
  const items = rows.map(({ id, inService, catalogueStatus, ...r }) => ({
    ...r,
    catalogueStatus: catalogueStatus as PublicMatterListItem['catalogueStatus'],
    serviceStatus: serviceStatus(catalogueStatus, inService),
    currentContractors: current.get(id) ?? [],
  }));
  return { items, total, nextAfter: ids.length > limit ? (ids[limit - 1]?.code ?? null) : null };
}

const contractListColumns = {
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

function contractListQuery(db: Db, where: SQL | undefined) {
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
const toContractItem = (row: ContractListRow): PublicContractListItem => ({
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

/** Published contracts, keyset-paged by internal id (never shown; the cursor is opaque). */
export function findPublicContracts(db: Db, page: { limit?: number; after?: number } = {}): Page<PublicContractListItem, number> {
  const limit = clampLimit(page.limit, 50);
  // Always a range on the primary key (id > 0 for the first page): a search, never a scan, in the plan.
  const rows = contractListQuery(db, gt(contracts.id, page.after ?? 0))
    .orderBy(asc(contracts.id))
    .limit(limit + 1)
    .all();
  const total = readPublicCount(db, 'contracts.published');
  const pageRows = rows.slice(0, limit);
  return { items: pageRows.map(toContractItem), total, nextAfter: rows.length > limit ? (pageRows.at(-1)?.id ?? null) : null };
}

function acceptedDeliverablesWhere(db: Db, where: SQL): PublicAcceptedDeliverable[] {
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

function evaluationsWhere(db: Db, where: SQL): PublicEvaluation[] {
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

/** A published matter with every published contract that has held it, accepted work and evaluations. */
export function getPublicMatter(db: Db, code: string): PublicMatterDetail | null {
  const row = db
    .select({
      id: matters.id,
      ...matterRef,
      catalogueStatus: matters.catalogueStatus,
      annualBudgetFen: matters.annualBudgetFen,
      inService: hasActiveContract,
      department: departmentRef,
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

// Selected from `contractors` alone: written out (see hasActiveContract), or every row would get one number.
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
  const contractor = db.select(publicContractorColumns).from(contractors).where(eq(contractors.id, id)).get();
  if (!contractor) return null;
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

export function getPublicContract(db: Db, reference: string): PublicContractDetail | null {
  const row = db
    .select({
      ...contractListColumns,
      statusReason: contracts.statusReason,
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
  const { id, statusReason, ...contract } = row;
  const ofContract = eq(contracts.id, id);
  return {
    ...toContractItem({ id, ...contract }),
    statusReason: contract.status === 'suspended' || contract.status === 'terminated' ? statusReason : null,
    terms: contract.terms,
    justification: contract.justification,
    approvedOn: contract.approvedOn,
    lastUpdated: contract.lastUpdated,
    renewalOf: contract.renewalOf,
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
export function approvedAmendments(db: Db, contractIds: number[]): Map<number, PublicAmendment[]> {
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

/** Headline figures and chart series, from the counts kept on write (lib/public/stats-counts.ts). */
export const getPublicStats = (db: Db): PublicStats => readPublicStats(db);

// Bulk downloads: flat rows, one statement each, read with better-sqlite3's iterate() on a connection of
// their own (an open iterator keeps its connection busy). Column aliases are the download's field names.

export const matterDownloadColumns = [
  'code', 'titleZh', 'titleEn', 'category', 'departmentCode', 'departmentNameZh', 'departmentNameEn', 'catalogueStatus', 'serviceStatus', 'annualBudgetFen', 'descriptionZh', 'descriptionEn', 'legalBasis', 'serviceStandard',
] as const;
export const contractorDownloadColumns = ['id', 'nameZh', 'nameEn', 'kind', 'creditCode', 'verificationStatus', 'publishedContracts', 'activeContracts'] as const;
export const contractDownloadColumns = [
  'reference', 'status', 'valueFen', 'amountPaidFen', 'startDate', 'endDate', 'matterCode', 'matterTitleZh', 'matterTitleEn', 'matterCategory', 'departmentCode', 'departmentNameZh', 'departmentNameEn', 'contractorId', 'contractorNameZh', 'contractorNameEn', 'contractorKind', 'contractorCreditCode',
] as const;

export type DownloadRow = Record<string, string | number | null>;

export function iterateMatterRows(sqlite: Database.Database): IterableIterator<DownloadRow> {
  return sqlite
    .prepare(
      `select m.code as code, m.title_zh as titleZh, m.title_en as titleEn, m.category as category,
              d.code as departmentCode, d.name_zh as departmentNameZh, d.name_en as departmentNameEn,
              m.catalogue_status as catalogueStatus,
              case when ${inServiceSql('m.catalogue_status', 'm.id', { alias: 'c' })} then 'in_service'
                   when m.catalogue_status = 'withdrawn' then 'withdrawn'
                   else 'not_in_service' end as serviceStatus,
              m.annual_budget_fen as annualBudgetFen, m.description_zh as descriptionZh, m.description_en as descriptionEn,
              m.legal_basis as legalBasis, m.service_standard as serviceStandard
       from matters m join departments d on d.id = m.department_id
       where ${publishedMatterSql('m.catalogue_status')} order by m.code`,
    )
    .iterate() as IterableIterator<DownloadRow>;
}

export function iterateContractorRows(sqlite: Database.Database): IterableIterator<DownloadRow> {
  return sqlite
    .prepare(
      `select k.id as id, k.name_zh as nameZh, k.name_en as nameEn, k.kind as kind, k.credit_code as creditCode,
              k.verification_status as verificationStatus,
              (select count(*) from contracts c where c.contractor_id = k.id and ${publishedContractSql('c.status')}) as publishedContracts,
              (select count(*) from contracts c where c.contractor_id = k.id and ${sqlIn('c.status', activeContractStatuses)}) as activeContracts
       from contractors k order by k.id`,
    )
    .iterate() as IterableIterator<DownloadRow>;
}

export function iterateContractRows(sqlite: Database.Database): IterableIterator<DownloadRow> {
  return sqlite
    .prepare(
      `select c.reference as reference, c.status as status, c.value_fen as valueFen,
              (select coalesce(sum(p.amount_fen), 0) from payments p where p.contract_id = c.id) as amountPaidFen,
              c.start_date as startDate, c.end_date as endDate,
              m.code as matterCode, m.title_zh as matterTitleZh, m.title_en as matterTitleEn, m.category as matterCategory,
              d.code as departmentCode, d.name_zh as departmentNameZh, d.name_en as departmentNameEn,
              k.id as contractorId, k.name_zh as contractorNameZh, k.name_en as contractorNameEn, k.kind as contractorKind, k.credit_code as contractorCreditCode
       from contracts c
       join matters m on m.id = c.matter_id
       join departments d on d.id = c.department_id
       join contractors k on k.id = c.contractor_id
       where ${publishedContractSql('c.status')} order by c.id`,
    )
    .iterate() as IterableIterator<DownloadRow>;
}
