import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/db';
import { installPublicCountTriggers, publicCountTriggers } from './count-triggers';
import { checkPublicCounts } from './counts';
import { buildPublicFixture } from './public-fixture';
import { getPublicStats } from './stats-queries';
import { countPublicStats } from './stats-reference';

// The triggers come from lib/domain/predicates.ts; counts.test.ts, stats-counts.test.ts and
// lib/figures/recount.test.ts show that they keep public_counts equal to a recount through every kind of write.

const storedTriggers = (db: ReturnType<typeof testDb>) =>
  db.$client.prepare(`select name, sql from sqlite_master where type = 'trigger' and (name like 'public_counts_%' or name like 'public_stats_%') order by name`).all() as { name: string; sql: string }[];

describe('generated public_counts triggers', () => {
  it('are installed when the database opens, exactly as generated', () => {
    const db = testDb();
    const generated = publicCountTriggers().sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(generated).toHaveLength(24);
    expect(storedTriggers(db)).toEqual(generated);
  });

  it('installing again changes nothing and writes nothing', () => {
    const db = testDb();
    const before = db.$client.prepare('select total_changes()').pluck().get();
    expect(installPublicCountTriggers(db.$client)).toEqual({ dropped: [], created: [] });
    expect(db.$client.prepare('select total_changes()').pluck().get()).toBe(before);
  });

  it('replace a trigger that differs, drop one no longer defined, and recount', () => {
    const { db } = buildPublicFixture();
    const sqlite = db.$client;
    sqlite.exec(`drop trigger public_counts_contracts_insert`);
    sqlite.exec(`create trigger public_counts_contracts_insert after insert on contracts begin select 1; end`);
    sqlite.exec(`create trigger public_stats_obsolete after insert on contracts begin select 1; end`);
    sqlite.exec(`update public_counts set n = n + 5`);
    expect(installPublicCountTriggers(sqlite)).toEqual({ dropped: ['public_counts_contracts_insert', 'public_stats_obsolete'], created: ['public_counts_contracts_insert'] });
    expect(storedTriggers(db).map((t) => t.name)).not.toContain('public_stats_obsolete');
    for (const c of checkPublicCounts(sqlite)) expect(c.stored, c.name).toBe(c.actual);
    expect(getPublicStats(db)).toEqual(countPublicStats(db));
  });
});
