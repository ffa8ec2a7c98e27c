import { describe, expect, it } from 'vitest';
import { contractsNeedingAttention } from '../contracts/attention';
import { countContractsByStatus, listContracts } from '../contracts/queries';
import { listDeliverablesAwaitingReview } from '../deliverables/queries';
import { buildPublicFixture } from './public-fixture';
import { expectNoFullScans, plansOf, type Captured } from '../testing/query-plans';
import { findPublicContracts, getPublicContract } from './contract-queries';
import { findPublicMatters, getPublicMatter, listPublicDepartments } from './matter-queries';
import { systemActor } from '../auth/actor';
import { createMatter } from '../matters/service';

// The plans SQLite makes for the main list, search and desk queries. Production databases have no table
// statistics (no ANALYZE), exactly like this test's, so the planner chooses here what it chooses at
// national scale: these plans are what keeps a page's cost independent of the registry's size.

const planOfFirst = (captured: Captured[]) => captured[0]!.plan.join('\n');
/** The plan of the query that reads a page of matter ids (ordered by code, limited). */
const planOfIds = (captured: Captured[]) => captured.find((c) => /from "matters"/.test(c.sql) && /order by "matters"."code"/.test(c.sql))!.plan.join('\n');
/** More than the matches a search reads and sorts (FTS_SORT_MAX in matter-queries.ts). */
const FTS_MANY = 210;

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

  it('matter search of three or more characters with few matches starts from the trigram index', () => {
    const captured = plansOf(db, () => findPublicMatters(db, { q: '污染源', category: 'environment' }, { limit: 20 }));
    expectNoFullScans(captured);
    const ids = planOfIds(captured);
    expect(ids).toMatch(/matters_fts VIRTUAL TABLE/);
    expect(ids).toMatch(/SEARCH matters USING INTEGER PRIMARY KEY/);
  });

  it('matter search with many matches: the page walks the code index, the list page counts up to its cap', () => {
    const many = buildPublicFixture();
    const sys = systemActor('test');
    for (let i = 0; i < FTS_MANY; i++) {
      createMatter(many.db, sys, { code: `LG-SAF-${String(100 + i)}`, titleZh: `安全巡查 ${i}`, titleEn: `Safety inspection ${i}`, category: 'safety', departmentId: many.deptA.id, annualBudgetFen: 100, catalogueStatus: 'listed' });
    }
    const filter = { q: 'inspection', category: 'safety' } as const;
    const captured = plansOf(many.db, () => findPublicMatters(many.db, filter, { limit: 20, offset: 20, countCap: 50 }));
    expectNoFullScans(captured);
    const ids = planOfIds(captured);
    expect(ids).toMatch(/matters_published_category_code_idx/);
    expect(ids).not.toMatch(/TEMP B-TREE/);
    const counted = captured.find((c) => /count\(/i.test(c.sql) && /"matters"/.test(c.sql))!;
    expect(counted.sql).toMatch(/limit \?/);
    // The same rows in the same order as the exact, uncapped search; the count capped.
    const capped = findPublicMatters(many.db, filter, { limit: 20, offset: 20, countCap: 50 });
    const exact = findPublicMatters(many.db, filter, { limit: 20, offset: 20 });
    expect(capped.items.map((m) => m.code)).toEqual(exact.items.map((m) => m.code));
    expect(exact.total).toBeGreaterThan(FTS_MANY);
    expect({ total: capped.total, more: capped.totalCapped }).toEqual({ total: 50, more: true });
    expect(exact.totalCapped).toBe(false);
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

  it('matter and contract pages and department choices read by key', () => {
    expectNoFullScans(plansOf(db, () => getPublicMatter(db, f.matterA.code)));
    expectNoFullScans(plansOf(db, () => getPublicContract(db, f.activeA.reference)));
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
