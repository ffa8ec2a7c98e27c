// The domain's predicates, each defined once: which contracts and matters the public sees, which contracts
// are running, what makes a matter "in service" and a deliverable "on time". The status tuples are subsets
// of the enums in ./enums.ts; the SQL below is generated from them, for raw statements, for Drizzle's
// `sql.raw`, for the partial indexes in db/schema and for the public_counts triggers
// (lib/public/count-triggers.ts). lib/domain/predicates.test.ts fails when a status list is spelled anywhere
// else, so changing what "published" means is one edit here.
import { todayInShanghai } from '../shared/time';
import type { CatalogueStatus, ContractStatus } from './enums';

// ----- SQL text from values -----

/** A string as an SQL literal: `'it''s'`. */
const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** A parenthesized list of SQL literals: `('a', 'b')`. */
export const sqlList = (values: readonly string[]): string => {
  if (values.length === 0) throw new RangeError('an SQL list needs at least one value');
  return `(${values.map(sqlString).join(', ')})`;
};

/**
 * `column in ('a', 'b')`, or `column = 'a'` for a single value (SQLite reads `x in (v)` as `x = v` anyway).
 * The values are written out, not bound, so that a partial index on the same condition can be used.
 */
export const sqlIn = (column: string, values: readonly string[]): string =>
  values.length === 1 ? `${column} = ${sqlString(values[0]!)}` : `${column} in ${sqlList(values)}`;

const includes = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

// ----- Contracts -----

/**
 * Published: approved at some point. The public sees these (and so does the OCDS feed); draft,
 * pending_approval and cancelled contracts never leave the office. A contractor "held" exactly these, and
 * they are the ones that may be evaluated.
 */
export const publishedContractStatuses = ['active', 'suspended', 'completed', 'terminated'] as const satisfies readonly ContractStatus[];
export type PublishedContractStatus = (typeof publishedContractStatuses)[number];
export const isPublishedContractStatus = (status: string): status is PublishedContractStatus => includes(publishedContractStatuses, status);

/** Running: in force, whether or not suspended. Overlaps, overdue milestones and termination concern these. */
export const runningContractStatuses = ['active', 'suspended'] as const satisfies readonly ContractStatus[];

/** Running or completed: payments and milestone results may still be recorded (a completed contract is settled after it ends). */
export const settlingContractStatuses = [...runningContractStatuses, 'completed'] as const satisfies readonly ContractStatus[];
export const isSettlingContractStatus = (status: string): status is (typeof settlingContractStatuses)[number] => includes(settlingContractStatuses, status);

/** Active: the contracts that put a matter in service. */
export const activeContractStatuses = ['active'] as const satisfies readonly ContractStatus[];

/** SQL: the contract whose status column is `column` is published. */
export const publishedContractSql = (column: string): string => sqlIn(column, publishedContractStatuses);

// ----- Matters -----

/** Published catalogue statuses: listed, and withdrawn (kept public with its reason); drafts are not published. */
export const publishedCatalogueStatuses = ['listed', 'withdrawn'] as const satisfies readonly CatalogueStatus[];
export type PublishedCatalogueStatus = (typeof publishedCatalogueStatuses)[number];

/** The catalogue statuses a matter can be in service in: listed (a withdrawn matter is not, whatever its contracts). */
export const servingCatalogueStatuses = ['listed'] as const satisfies readonly CatalogueStatus[];

/** SQL: the matter whose catalogue status column is `column` is published. */
export const publishedMatterSql = (column: string): string => sqlIn(column, publishedCatalogueStatuses);

/**
 * SQL: some active contract holds the matter whose id is `matterId` (an expression of the outer query).
 * `alias` names the inner `contracts`; `extra` adds conditions on it. `keepOffStatusIndex` writes the
 * status with a unary plus, which keeps the planner on the matter index (a status matches most rows).
 */
export function hasActiveContractSql(matterId: string, options: { alias?: string; extra?: string; keepOffStatusIndex?: boolean } = {}): string {
  const a = options.alias ?? 'ac';
  const status = `${options.keepOffStatusIndex ? '+' : ''}${a}.status`;
  return `EXISTS (SELECT 1 FROM contracts ${a} WHERE ${a}.matter_id = ${matterId} AND ${sqlIn(status, activeContractStatuses)}${options.extra ? ` AND ${options.extra}` : ''})`;
}

/** SQL: the matter (catalogue status column `catalogueStatus`, id `matterId`) is in service: listed, and an active contract holds it. */
export const inServiceSql = (catalogueStatus: string, matterId: string, options: Parameters<typeof hasActiveContractSql>[1] = {}): string =>
  `${sqlIn(catalogueStatus, servingCatalogueStatuses)} AND ${hasActiveContractSql(matterId, options)}`;

/** In service: listed, and held by an active contract. */
export const isInService = (catalogueStatus: string, hasActiveContract: boolean | number): boolean =>
  includes(servingCatalogueStatuses, catalogueStatus) && Boolean(hasActiveContract);

// ----- Deliverables -----

/**
 * On time: submitted (its last submission; the day in Asia/Shanghai) no later than the end of its reporting
 * period plus this many days. Written out on the overview page and the API page.
 */
export const ON_TIME_GRACE_DAYS = 30;

const addDays = (isoDate: string, days: number): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** On time, from a stored UTC submission instant and the period's last day (YYYY-MM-DD). */
export const isSubmittedOnTime = (submittedAt: string, periodEnd: string): boolean =>
  todayInShanghai(new Date(submittedAt)) <= addDays(periodEnd, ON_TIME_GRACE_DAYS);

/** SQL: on time, for a stored UTC submission instant and a period end; Shanghai is UTC+8 all year. */
export const submittedOnTimeSql = (submittedAt: string, periodEnd: string): string =>
  `date(${submittedAt}, '+8 hours') <= date(${periodEnd}, '+${ON_TIME_GRACE_DAYS} days')`;
