import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor';
import { verifyAuditChain } from '../audit/verify';
import { isValidUscc } from '../contractors/uscc';
import { testDb } from '../testing/db';
import { importCatalogue } from './import';

const actor = systemActor('import test');
const departmentsCsv = '\uFEFFcode,name_zh,name_en,kind\nLG-D-ECO,生态环境局,Bureau of Ecology,government\nLG-D-ORG,组织部,Organization Department,party\n';
const mattersCsv =
  'code,title_zh,title_en,description_zh,description_en,category,department_code,legal_basis,service_standard,annual_budget_fen,catalogue_status,withdrawal_reason\n' +
  'LG-ENV-001,企业污染源巡查,Inspection of pollution sources,"巡查，记录",Inspect,environment,LG-D-ECO,环境保护法,每月两次,50000000,listed,\n';
const contractorsCsv =
  'name_zh,name_en,kind,credit_code,legal_representative,contact_phone,contact_email,qualifications,verification_status,status_reason\n' +
  '龙港市示例环境检测有限公司,Example Testing Co.,enterprise_institution,91350100M000100Y43,张三,17705770000,a@example.cn,CMA,verified,\n';

const count = (db: ReturnType<typeof testDb>, table: string) => db.$client.prepare(`select count(*) from ${table}`).pluck().get();

describe('catalogue import', () => {
  it('imports departments, contractors and matters with Chinese text and a BOM, each with its audit event', () => {
    const db = testDb();
    const report = importCatalogue(db, actor, [
      { name: 'matters.csv', text: mattersCsv },
      { name: 'departments.csv', text: departmentsCsv },
      { name: 'contractors.csv', text: contractorsCsv },
    ], { dryRun: false });
    expect(report).toMatchObject({ ok: true, counts: { departments: 2, matters: 1, contractors: 1 } });
    expect(db.$client.prepare(`select description_zh from matters`).pluck().get()).toBe('巡查，记录');
    // 4 records + the import summary.
    expect(verifyAuditChain(db.$client)).toMatchObject({ ok: true, count: 5 });
  });

  it('a dry run reports success and writes nothing', () => {
    const db = testDb();
    const report = importCatalogue(db, actor, [{ name: 'departments.csv', text: departmentsCsv }], { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, counts: { departments: 2 } });
    expect(count(db, 'departments')).toBe(0);
    expect(count(db, 'audit_events')).toBe(0);
  });

  it('lists every bad row with row number, column and reason, and writes nothing', () => {
    const db = testDb();
    const bad =
      'code,title_zh,title_en,category,department_code,annual_budget_fen,catalogue_status\n' +
      'LG-ENV-001,标题,Title,environment,LG-D-ECO,100,listed\n' + // row 2: fine
      'LG-ENV-002,,Title,environment,LG-D-ECO,100,listed\n' + // row 3: title missing
      'LG-ENV-003,标题,Title,forestry,LG-D-ECO,100,listed\n' + // row 4: bad category
      'LG-ENV-004,标题,Title,environment,LG-D-NONE,100,listed\n' + // row 5: unknown department
      'LG-ENV-005,标题,Title,environment,LG-D-ECO,-5,listed\n' + // row 6: negative budget
      'LG-ENV-001,标题,Title,environment,LG-D-ECO,100,listed\n'; // row 7: duplicate code
    const badContractors =
      'name_zh,name_en,kind,credit_code,legal_representative\n' + '某公司,Some Co.,enterprise_institution,91350100M000100Y44,李四\n';
    const report = importCatalogue(db, actor, [
      { name: 'departments.csv', text: departmentsCsv },
      { name: 'matters.csv', text: bad },
      { name: 'contractors.csv', text: badContractors },
    ], { dryRun: false });
    expect(report.ok).toBe(false);
    const seen = report.problems.map((p) => `${p.file}:${p.row}:${p.column}:${p.reason}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'matters.csv:3:title_zh:required',
        'matters.csv:4:category:choice',
        'matters.csv:5:department_code:unknown_department',
        'matters.csv:6:annual_budget_fen:negative',
        'matters.csv:7:code:duplicate',
        'contractors.csv:2:credit_code:uscc_check',
      ]),
    );
    expect(report.problems).toHaveLength(6);
    for (const t of ['departments', 'matters', 'contractors', 'audit_events']) expect(count(db, t)).toBe(0);
  });

  it('refuses a file whose header it does not know', () => {
    const db = testDb();
    const report = importCatalogue(db, actor, [{ name: 'x.csv', text: 'a,b\n1,2\n' }], { dryRun: true });
    expect(report.problems).toEqual([{ file: 'x.csv', row: 1, column: null, reason: 'unknown_header' }]);
  });

  it('is refused to roles without catalogue.import', () => {
    const db = testDb();
    const officer = { id: 1, name: 'o', role: 'officer' as const, departmentId: 1, contractorId: null, orgName: null };
    expect(() => importCatalogue(db, officer, [{ name: 'd.csv', text: departmentsCsv }], { dryRun: false })).toThrow(/may not/);
    expect(count(db, 'departments')).toBe(0);
  });
});

describe('departments and their credit codes', () => {
  const withCodes =
    'code,name_zh,name_en,kind,credit_code\n' +
    'LG-D-ECO,生态环境局,Bureau of Ecology,government,11330383MB0010014D\n' +
    'LG-D-ORG,组织部,Organization Department,party,\n'; // a blank code: not recorded yet

  it('imports the credit_code column, and a file without it still imports', () => {
    const db = testDb();
    expect(importCatalogue(db, actor, [{ name: 'departments.csv', text: withCodes }], { dryRun: false })).toMatchObject({ ok: true, counts: { departments: 2 } });
    expect(db.$client.prepare('select code, credit_code from departments order by code').all()).toEqual([
      { code: 'LG-D-ECO', credit_code: '11330383MB0010014D' },
      { code: 'LG-D-ORG', credit_code: null },
    ]);
    const older = testDb();
    expect(importCatalogue(older, actor, [{ name: 'departments.csv', text: departmentsCsv }], { dryRun: false })).toMatchObject({ ok: true, counts: { departments: 2 } });
    expect(older.$client.prepare('select count(*) from departments where credit_code is null').pluck().get()).toBe(2);
  });

  it('names the credit_code column of a bad, non-government or repeated code, and writes nothing', () => {
    const db = testDb();
    const bad =
      'code,name_zh,name_en,kind,credit_code\n' +
      'LG-D-A,甲,A,government,11330383MB0010014E\n' + // row 2: wrong check character
      'LG-D-B,乙,B,government,91350100M000100Y43\n' + // row 3: an enterprise's code
      'LG-D-C,丙,C,government,11330383MB0010014D\n' + // row 4: fine
      'LG-D-D,丁,D,government,11330383MB0010014D\n'; // row 5: the same code again
    const report = importCatalogue(db, actor, [{ name: 'departments.csv', text: bad }], { dryRun: true });
    expect(report.problems.map((p) => `${p.row}:${p.column}:${p.reason}`)).toEqual(['2:credit_code:uscc_check', '3:credit_code:not_government_code', '5:credit_code:duplicate']);
    expect(count(db, 'departments')).toBe(0);
  });

  it('imports the sample departments, each with a valid, unique Longgang government code', () => {
    const db = testDb();
    const text = readFileSync(path.join(process.cwd(), 'db', 'seed', 'departments.csv'), 'utf8');
    expect(importCatalogue(db, actor, [{ name: 'departments.csv', text }], { dryRun: false })).toMatchObject({ ok: true, counts: { departments: 15 } });
    const codes = db.$client.prepare('select credit_code from departments').pluck().all() as (string | null)[];
    expect(codes.filter((c) => c === null || !isValidUscc(c) || !c.startsWith('11330383'))).toEqual([]);
    expect(new Set(codes).size).toBe(15);
  });
});
