import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor';
import { verifyAuditChain } from '../audit/verify';
import { usccCheckCharacter } from '../contractors/uscc';
import { AppError } from '../errors';
import { buildFixture, snapshot } from '../testing/fixture';
import { testDb } from '../testing/db';
import { createDepartment, updateDepartment } from './service';

const admin = systemActor('department test');
/** A well-formed code of a Longgang government body: 11 + 330383 + organization code + check character. */
const code = (org: string) => `11330383${org}${usccCheckCharacter(`11330383${org}`)}`;
const good = code('MB0010014');
const other = code('MB0010380');
const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
const enterprise = '91350100M000100Y43'; // valid, but an enterprise's (registration authority 9)

const fieldErrorsOf = (run: () => unknown): Record<string, string[]> | undefined => {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e.details.fieldErrors;
    throw e;
  }
  throw new Error('expected a refusal');
};
const base = { code: 'LG-D-ECO', nameZh: '生态环境局', nameEn: 'Bureau of Ecology', kind: 'government' };
const events = (db: ReturnType<typeof testDb>, action: string) =>
  (db.$client.prepare('select data from audit_events where action = ? order by seq').pluck().all(action) as string[]).map((d) => JSON.parse(d) as Record<string, unknown>);

describe('a department and its unified social credit code', () => {
  it('refuses a wrong check character and a code that is not a government body’s, and writes nothing', () => {
    const db = testDb();
    expect(fieldErrorsOf(() => createDepartment(db, admin, { ...base, creditCode: badCheck }))).toEqual({ creditCode: ['uscc_check'] });
    expect(fieldErrorsOf(() => createDepartment(db, admin, { ...base, creditCode: enterprise }))).toEqual({ creditCode: ['not_government_code'] });
    expect(fieldErrorsOf(() => createDepartment(db, admin, { ...base, creditCode: '1133038' }))).toEqual({ creditCode: ['uscc_length'] });
    expect(db.$client.prepare('select count(*) from departments').pluck().get()).toBe(0);
    expect(db.$client.prepare('select count(*) from audit_events').pluck().get()).toBe(0);
  });

  it('accepts a good one (typed in lower case, with spaces around), and the trail records it', () => {
    const db = testDb();
    const row = createDepartment(db, admin, { ...base, creditCode: ` ${good.toLowerCase()} ` });
    expect(row.creditCode).toBe(good);
    expect(events(db, 'department.created')).toEqual([{ after: { ...base, creditCode: good } }]);
  });

  it('leaves it out when it is blank or not given (older files and forms)', () => {
    const db = testDb();
    expect(createDepartment(db, admin, base).creditCode).toBeNull();
    expect(createDepartment(db, admin, { ...base, code: 'LG-D-FIN', creditCode: '  ' }).creditCode).toBeNull();
  });

  it('answers a field error, not a 500, when another department holds the code', () => {
    const db = testDb();
    createDepartment(db, admin, { ...base, creditCode: good });
    expect(fieldErrorsOf(() => createDepartment(db, admin, { ...base, code: 'LG-D-FIN', creditCode: good }))).toEqual({ creditCode: ['duplicate'] });
    const second = createDepartment(db, admin, { ...base, code: 'LG-D-FIN', creditCode: other });
    expect(fieldErrorsOf(() => updateDepartment(db, admin, { departmentId: second.id, nameZh: '财政局', nameEn: 'Finance', kind: 'government', creditCode: good }))).toEqual({ creditCode: ['duplicate'] });
  });

  it('an update is audited with the changed fields, and an update that changes nothing writes nothing', () => {
    const db = testDb();
    const dept = createDepartment(db, admin, base);
    const updated = updateDepartment(db, admin, { departmentId: String(dept.id), nameZh: base.nameZh, nameEn: 'Ecology Bureau', kind: 'government', creditCode: good });
    expect(updated).toMatchObject({ creditCode: good, nameEn: 'Ecology Bureau', code: base.code });
    expect(events(db, 'department.updated')).toEqual([{ changes: { nameEn: { before: base.nameEn, after: 'Ecology Bureau' }, creditCode: { before: null, after: good } } }]);
    updateDepartment(db, admin, { departmentId: dept.id, nameZh: base.nameZh, nameEn: 'Ecology Bureau', kind: 'government', creditCode: good });
    expect(events(db, 'department.updated')).toHaveLength(1);
    expect(verifyAuditChain(db.$client)).toMatchObject({ ok: true, count: 2 });
  });

  it('an update refuses a bad code and the removal of a recorded one', () => {
    const db = testDb();
    const dept = createDepartment(db, admin, { ...base, creditCode: good });
    const edit = { departmentId: dept.id, nameZh: base.nameZh, nameEn: base.nameEn, kind: 'government' };
    expect(fieldErrorsOf(() => updateDepartment(db, admin, { ...edit, creditCode: enterprise }))).toEqual({ creditCode: ['not_government_code'] });
    expect(fieldErrorsOf(() => updateDepartment(db, admin, { ...edit, creditCode: '' }))).toEqual({ creditCode: ['required'] });
    expect(events(db, 'department.updated')).toEqual([]);
  });

  it('is for administrators only: other roles change nothing', () => {
    const f = buildFixture();
    const before = snapshot(f.db);
    for (const who of [f.actors.officerA, f.actors.approverA, f.actors.auditor, f.actors.contractorX, f.actors.evaluator]) {
      expect(() => updateDepartment(f.db, who, { departmentId: f.deptA.id, nameZh: '改名', nameEn: 'Renamed', kind: 'party', creditCode: good })).toThrow(AppError);
      expect(() => createDepartment(f.db, who, { ...base, creditCode: good })).toThrow(AppError);
    }
    expect(snapshot(f.db)).toBe(before);
    expect(() => updateDepartment(f.db, f.actors.admin, { departmentId: 999_999, nameZh: '甲', nameEn: 'A', kind: 'party' })).toThrow(/not found/);
  });
});
