import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { systemActor } from '../auth/actor';
import { loadDemoData } from '../demo/load-demo';
import { testDb } from '../testing/db';
import { updateMatter } from './service';
import { listMattersForStaff, matterListQuery } from './staff-queries';

let db: Db;
const auditor = { id: null, name: 'a', role: 'auditor' as const, departmentId: null, contractorId: null, orgName: null };
const search = (q: string) => listMattersForStaff(db, auditor, matterListQuery.parse({ q })).items.map((m) => m.code);

beforeAll(() => {
  db = testDb();
  loadDemoData(db);
}, 60_000);

describe('matter search', () => {
  it('finds every sample matter by a word of its Chinese title and by a word of its English title', () => {
    const all = db.$client.prepare('select code, title_zh as zh, title_en as en from matters').all() as { code: string; zh: string; en: string }[];
    for (const m of all) {
      expect(search(m.zh.slice(0, 4)), m.zh).toContain(m.code);
      const word = m.en.split(/\s+/).find((w) => w.length >= 4) ?? m.en;
      expect(search(word), m.en).toContain(m.code);
    }
  });

  it('matches two-character Chinese words too, and combines words', () => {
    expect(search('巡查').length).toBeGreaterThan(0);
    expect(search('污染源 巡查')).toContain('LG-ENV-001');
  });

  it('follows edits through the full-text index', () => {
    const id = db.$client.prepare(`select id from matters where code = 'LG-ENV-001'`).pluck().get() as number;
    const m = db.$client.prepare('select * from matters where id = ?').get(id) as Record<string, string | number>;
    updateMatter(db, systemActor('t'), { matterId: id, titleZh: '独一无二的新名称', titleEn: 'Uniquely renamed matter', descriptionZh: m.description_zh, descriptionEn: m.description_en, category: m.category, legalBasis: m.legal_basis, serviceStandard: m.service_standard, annualBudgetFen: m.annual_budget_fen });
    expect(search('独一无二')).toEqual(['LG-ENV-001']);
    expect(search('Uniquely renamed')).toEqual(['LG-ENV-001']);
  });

  it('uses the full-text index, not a scan of matters, for words of three or more characters', () => {
    const plan = db.$client.prepare(`explain query plan select id from matters where id in (select rowid from matters_fts where matters_fts match ?)`).all('"污染源"') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
