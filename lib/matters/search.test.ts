// Matter search as the app runs it: the staff search (listMattersForStaff) and the public catalogue search
// (findPublicMatters), on the sample data. The results would be the same from a scan with LIKE; what makes
// it search at scale is the full-text index, so the last test reads the plans of the statements these
// functions actually run (lib/testing/query-plans.ts), not of a query written here.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { systemActor } from '../auth/actor';
import { loadDemoData } from '../demo/load-demo';
import { findPublicMatters } from '../public/matter-queries';
import { testDb } from '../testing/db';
import { plansOf } from '../testing/query-plans';
import { updateMatter } from './service';
import { listMattersForStaff, matterListQuery } from './staff-queries';

let db: Db;
const auditor = { id: null, name: 'a', role: 'auditor' as const, departmentId: null, contractorId: null, orgName: null };
const staffSearch = (q: string) => listMattersForStaff(db, auditor, matterListQuery.parse({ q })).items.map((m) => m.code);
const publicSearch = (q: string) => findPublicMatters(db, { q }, { limit: 100 }).items.map((m) => m.code);

/** Whether a statement the app ran for `run` reads matters_fts through its full-text index. */
const readsFullTextIndex = (run: () => unknown) => plansOf(db, run).some((c) => c.plan.some((line) => /\bmatters_fts VIRTUAL TABLE INDEX\b/.test(line)));

beforeAll(() => {
  db = testDb();
  loadDemoData(db);
}, 60_000);

describe('matter search', () => {
  it('finds every sample matter by a word of its Chinese title and by a word of its English title: staff every matter, the public every published one', () => {
    const all = db.$client.prepare('select code, title_zh as zh, title_en as en, catalogue_status as status from matters').all() as { code: string; zh: string; en: string; status: string }[];
    expect(all.filter((m) => m.status !== 'draft').length).toBeGreaterThan(50);
    for (const m of all) {
      const word = m.en.split(/\s+/).find((w) => w.length >= 4) ?? m.en;
      for (const q of [m.zh.slice(0, 4), word]) {
        expect(staffSearch(q), `staff: ${q}`).toContain(m.code);
        if (m.status !== 'draft') expect(publicSearch(q), `public: ${q}`).toContain(m.code);
        else expect(publicSearch(q), `public, draft: ${q}`).not.toContain(m.code);
      }
    }
  });

  it('matches two-character Chinese words too; the staff search combines words', () => {
    expect(staffSearch('巡查').length).toBeGreaterThan(0);
    expect(publicSearch('巡查').length).toBeGreaterThan(0);
    expect(staffSearch('污染源 巡查')).toContain('LG-ENV-001');
  });

  it('follows edits through the full-text index', () => {
    const id = db.$client.prepare(`select id from matters where code = 'LG-ENV-001'`).pluck().get() as number;
    const m = db.$client.prepare('select * from matters where id = ?').get(id) as Record<string, string | number>;
    updateMatter(db, systemActor('t'), { matterId: id, titleZh: '独一无二的新名称', titleEn: 'Uniquely renamed matter', descriptionZh: m.description_zh, descriptionEn: m.description_en, category: m.category, legalBasis: m.legal_basis, serviceStandard: m.service_standard, annualBudgetFen: m.annual_budget_fen });
    for (const search of [staffSearch, publicSearch]) {
      expect(search('独一无二')).toEqual(['LG-ENV-001']);
      expect(search('Uniquely renamed')).toEqual(['LG-ENV-001']);
    }
  });

  it('searches words of three or more characters through the full-text index, in the statements the app runs', () => {
    for (const q of ['污染源', 'inspection']) {
      expect(readsFullTextIndex(() => staffSearch(q)), `staff: ${q}`).toBe(true);
      expect(readsFullTextIndex(() => publicSearch(q)), `public: ${q}`).toBe(true);
    }
  });
});
