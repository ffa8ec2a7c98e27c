import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { systemActor } from '../auth/actor';
import { buildFixture } from '../testing/fixture';
import { testDb } from '../testing/db';
import { exportCatalogueCsv } from './export';
import { importCatalogue } from './import';

const actor = systemActor('round trip');

function catalogue(db: Db) {
  const q = (sql: string) => db.$client.prepare(sql).all();
  return {
    departments: q('select code, name_zh, name_en, kind from departments order by code'),
    matters: q(`select m.code, title_zh, title_en, description_zh, description_en, category, d.code as dept, legal_basis, service_standard, annual_budget_fen, catalogue_status, withdrawal_reason
                from matters m join departments d on d.id = m.department_id order by m.code`),
    contractors: q(`select name_zh, name_en, kind, credit_code, legal_representative, contact_phone, contact_email, qualifications, verification_status, status_reason
                    from contractors order by credit_code`),
  };
}

describe('catalogue export → import', () => {
  it('re-imports into an empty registry as the same catalogue, Chinese text and all', () => {
    const source = buildFixture();
    // Make the catalogue awkward: quotes, commas, newlines, a withdrawn matter.
    source.db.$client.exec(`update matters set description_zh = '含"引号"，逗号,
和换行', catalogue_status = 'withdrawn', withdrawal_reason = '职能调整' where code = 'LG-SAF-001'`);
    const files = (['departments', 'matters', 'contractors'] as const).map((kind) => ({ name: `${kind}.csv`, text: exportCatalogueCsv(source.db, actor, kind) }));
    for (const f of files) expect(f.text.startsWith('\uFEFF')).toBe(true);

    const target = testDb();
    const report = importCatalogue(target, actor, files, { dryRun: false });
    expect(report.problems).toEqual([]);
    expect(catalogue(target)).toEqual(catalogue(source.db));
  });

  it('is for administrators only', () => {
    const f = buildFixture();
    expect(() => exportCatalogueCsv(f.db, f.actors.officerA, 'contractors')).toThrow();
  });
});
