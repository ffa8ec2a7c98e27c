import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor';
import { draftContract, transitionContract } from '../contracts/service';
import { changeMatterStatus, createMatter } from '../matters/service';
import { generateSynthetic, synthScales } from '../synth/generate';
import { checkPublicCounts, readPublicCount, rebuildPublicCounts } from './counts';
import { buildPublicFixture } from './public-fixture';
import { getPublicStats } from './stats-queries';
import { countPublicStats } from './stats-reference';
import { drizzle } from 'drizzle-orm/better-sqlite3';

const agree = (sqlite: Database.Database) => {
  for (const c of checkPublicCounts(sqlite)) expect(c.stored, c.name).toBe(c.actual);
};

describe('public counts kept on write', () => {
  it('equal a recount after every kind of write the services make', () => {
    const f = buildPublicFixture();
    const { db, actors } = f;
    agree(db.$client);
    expect(readPublicCount(db, 'contracts.published')).toBe(3);

    // A matter listed, then withdrawn, then a draft one listed.
    const sys = systemActor('test');
    const listed = createMatter(db, sys, { code: 'LG-SAF-050', titleZh: '安全巡查', titleEn: 'Safety', category: 'safety', departmentId: f.deptA.id, annualBudgetFen: 100, catalogueStatus: 'listed' });
    agree(db.$client);
    changeMatterStatus(db, sys, { matterId: listed.id, to: 'withdrawn', reason: '收回' });
    changeMatterStatus(db, sys, { matterId: f.draftMatter.id, to: 'listed' });
    agree(db.$client);

    // A contract through draft, approval, suspension, termination; one cancelled.
    const period = { startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true };
    const c = draftContract(db, actors.officerA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 1_000_00, ...period }).contract;
    agree(db.$client);
    transitionContract(db, actors.officerA, { contractId: c.id, transition: 'submit' });
    transitionContract(db, actors.approverA, { contractId: c.id, transition: 'approve' });
    expect(readPublicCount(db, 'contracts.published')).toBe(4);
    transitionContract(db, actors.officerA, { contractId: c.id, transition: 'suspend', reason: '整改' });
    transitionContract(db, actors.officerA, { contractId: c.id, transition: 'terminate', reason: '违约' });
    transitionContract(db, actors.officerA, { contractId: f.pendingA.id, transition: 'cancel', reason: '撤回' });
    agree(db.$client);
    expect(readPublicCount(db, 'contracts.published')).toBe(4);
  });

  it('a failed write changes no count (the trigger runs inside the rolled-back transaction)', () => {
    const f = buildPublicFixture();
    const before = checkPublicCounts(f.db.$client);
    expect(() => createMatter(f.db, systemActor('test'), { code: 'LG-ENV-001', titleZh: '重复', titleEn: 'Duplicate', category: 'environment', departmentId: f.deptA.id, annualBudgetFen: 1, catalogueStatus: 'listed' })).toThrow();
    expect(checkPublicCounts(f.db.$client)).toEqual(before);
  });

  it('rebuild puts a wrong count right', () => {
    const f = buildPublicFixture();
    f.db.$client.exec(`update public_counts set n = 999`);
    rebuildPublicCounts(f.db.$client);
    agree(f.db.$client);
  });

  it('hold in a synthetic database (bulk load)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'counts-'));
    try {
      const file = path.join(dir, 'synth.db');
      generateSynthetic({ file, factor: synthScales.tiny, seed: 3 });
      const sqlite = new Database(file, { readonly: true });
      agree(sqlite);
      expect(checkPublicCounts(sqlite).every((c) => c.actual > 0)).toBe(true);
      // The overview's figures too: the load ran without their triggers, then recounted and put them back.
      const db = drizzle(sqlite);
      expect(getPublicStats(db as never)).toEqual(countPublicStats(db as never));
      expect(sqlite.prepare(`select count(*) from sqlite_master where type = 'trigger' and name like 'public_stats_%'`).pluck().get()).toBe(18);
      sqlite.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
