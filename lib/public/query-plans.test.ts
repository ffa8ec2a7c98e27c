import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { contractsNeedingAttention } from '../contracts/attention';
import { countContractsByStatus, listContracts } from '../contracts/queries';
import { listDeliverablesAwaitingReview } from '../deliverables/queries';
import { buildPublicFixture } from './public-fixture';
import { findPublicContractReleases, findPublicContracts, findPublicMatters, getPublicContract, getPublicMatter, listPublicDepartments } from './queries';

// The plans SQLite makes for the main list, search and desk queries. Production databases have no table
// statistics (no ANALYZE), exactly like this test's, so the planner chooses here what it chooses at
// national scale: these plans are what keeps a page's cost independent of the registry's size.

type Captured = { sql: string; params: unknown[]; plan: string[] };

/** Every statement `run` prepares, with the parameters it ran with and its EXPLAIN QUERY PLAN lines. */
function plansOf(db: Db, run: () => unknown): Captured[] {
  const client = db.$client as Database.Database & { prepare: Database.Database['prepare'] };
  const prepare = client.prepare.bind(client);
  const seen: { sql: string; params: unknown[] }[] = [];
  client.prepare = ((sql: string) => {
    const stmt = prepare(sql);
    const record = { sql, params: [] as unknown[] };
    seen.push(record);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = (stmt[method] as (...a: unknown[]) => unknown).bind(stmt);
      Object.defineProperty(stmt, method, { value: (...args: unknown[]) => ((record.params = args), original(...args)) });
    }
    return stmt;
  }) as Database.Database['prepare'];
  try {
    run();
  } finally {
    client.prepare = prepare;
  }
  return seen
    .filter((s) => /^\s*select/i.test(s.sql))
    .map((s) => ({ ...s, plan: (prepare(`explain query plan ${s.sql}`).all(...s.params) as { detail: string }[]).map((r) => r.detail) }));
}

const bigTables = ['matters', 'contracts', 'deliverables', 'milestones', 'payments', 'evaluations', 'contractors', 'amendments', 'audit_events'];
/** "SCAN contracts" (or "SCAN c" of an aliased big table) with no index: a walk through every row. */
function fullScans(c: Captured): string[] {
  const aliases = new Map<string, string>();
  for (const m of c.sql.matchAll(/"?(\w+)"?\s+(?:as\s+)?"?(\w+)"?/gi)) aliases.set(m[2]!, m[1]!);
  return c.plan.filter((line) => {
    const m = /^SCAN (\w+)(?: AS (\w+))?$/.exec(line);
    if (!m) return false;
    const name = m[1]!;
    return bigTables.includes(name) || bigTables.includes(aliases.get(name) ?? '');
  });
}

const expectNoFullScans = (captured: Captured[]) => {
  expect(captured.length).toBeGreaterThan(0);
  for (const c of captured) expect(fullScans(c), `${c.sql}\n${c.plan.join('\n')}`).toEqual([]);
};
const planOfFirst = (captured: Captured[]) => captured[0]!.plan.join('\n');

describe('query plans of the public lists', () => {
  const f = buildPublicFixture();
  const { db } = f;

  it('matters list: a page of ids is a walk along the published-code index, even a deep one, with no sort', () => {
    for (const offset of [0, 100_000]) {
      const captured = plansOf(db, () => findPublicMatters(db, {}, { limit: 20, offset }));
      expectNoFullScans(captured);
      expect(planOfFirst(captured)).toMatch(/matters_published_code_idx/);
      expect(planOfFirst(captured)).not.toMatch(/TEMP B-TREE/);
      // the total is read from public_counts, not counted
      expect(captured.some((c) => /from public_counts/.test(c.sql))).toBe(true);
    }
  });

  it('matters filtered by category or department: their own index, in code order', () => {
    const byCategory = plansOf(db, () => findPublicMatters(db, { category: 'environment' }, { limit: 20, offset: 20 }));
    expectNoFullScans(byCategory);
    expect(planOfFirst(byCategory)).toMatch(/matters_published_category_code_idx \(category=\?\)/);
    expect(planOfFirst(byCategory)).not.toMatch(/TEMP B-TREE/);
    const byDepartment = plansOf(db, () => findPublicMatters(db, { department: 'LG-D-A' }, { limit: 20 }));
    expectNoFullScans(byDepartment);
    expect(planOfFirst(byDepartment)).toMatch(/matters_published_department_code_idx \(department_id=\?\)/);
  });

  it('matter search of three or more characters starts from the trigram index', () => {
    const captured = plansOf(db, () => findPublicMatters(db, { q: '污染源', category: 'environment' }, { limit: 20 }));
    expectNoFullScans(captured);
    expect(planOfFirst(captured)).toMatch(/matters_fts VIRTUAL TABLE/);
    expect(planOfFirst(captured)).toMatch(/SEARCH matters USING INTEGER PRIMARY KEY/);
  });

  it('contracts API: a range of the primary key, no sort, the total from public_counts', () => {
    for (const after of [undefined, 1]) {
      const captured = plansOf(db, () => findPublicContracts(db, { limit: 50, after }));
      expectNoFullScans(captured);
      expect(planOfFirst(captured)).toMatch(/SEARCH contracts USING INTEGER PRIMARY KEY \(rowid>\?\)/);
      expect(planOfFirst(captured)).not.toMatch(/TEMP B-TREE/);
      expect(captured.some((c) => /count\(/i.test(c.sql))).toBe(false);
    }
  });

  it('matter and contract pages, department choices and OCDS batches read by key', () => {
    expectNoFullScans(plansOf(db, () => getPublicMatter(db, f.matterA.code)));
    expectNoFullScans(plansOf(db, () => getPublicContract(db, f.activeA.reference)));
    expectNoFullScans(plansOf(db, () => findPublicContractReleases(db, 0, 500)));
    // departments are few next to matters: the list walks departments by code and stops at the limit
    const departments = plansOf(db, () => listPublicDepartments(db, 201));
    expect(planOfFirst(departments)).toMatch(/departments/);
    expect(departments[0]!.plan.filter((l) => /^SCAN matters$/.test(l))).toEqual([]);
  });
});

describe('query plans of the officer desk', () => {
  const f = buildPublicFixture();
  const { db, actors } = f;

  it('counts, recent contracts, work awaiting review and attention lists start from the department', () => {
    const captured = plansOf(db, () => {
      countContractsByStatus(db, actors.officerA);
      listContracts(db, actors.officerA, { limit: 50 });
      listDeliverablesAwaitingReview(db, actors.officerA);
      contractsNeedingAttention(db, actors.officerA);
    });
    expectNoFullScans(captured);
    for (const c of captured) {
      // the department's contracts come first; never every submitted deliverable or overdue milestone of all departments
      expect(c.plan.join('\n'), c.sql).not.toMatch(/deliverables_status_submitted_idx|milestones_status_due_idx/);
    }
    expect(captured.filter((c) => /contracts_department_status_idx/.test(c.plan.join('\n'))).length).toBeGreaterThanOrEqual(4);
  });
});
