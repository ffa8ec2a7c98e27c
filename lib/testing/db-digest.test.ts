import { describe, expect, it } from 'vitest';
import { changedTables, tableDigest, watchWrites } from './db-digest';
import { buildFixture } from './fixture';

describe('table digests', () => {
  const f = buildFixture();
  watchWrites(f.db);
  const sqlite = f.db.$client;
  const around = (run: () => unknown) => {
    const before = tableDigest(f.db);
    try {
      run();
    } catch {
      // a failed write is still a case to look at
    }
    return changedTables(before, tableDigest(f.db));
  };

  it('cover every table of the schema but the full-text index and the migrations journal', () => {
    const digest = tableDigest(f.db);
    for (const t of ['audit_events', 'contracts', 'departments', 'matters', 'sessions', 'sign_in_throttle', 'users']) expect(Object.keys(digest)).toContain(t);
    expect(Object.keys(digest).filter((t) => t.includes('_fts') || t.startsWith('sqlite_') || t === '__drizzle_migrations')).toEqual([]);
  });

  it('change with an insert, an update in place and a delete, and name the table; not with a read', () => {
    expect(around(() => sqlite.prepare(`select * from departments`).all())).toEqual([]);
    expect(around(() => sqlite.prepare(`update departments set name_en = name_en || '!' where id = ?`).run(f.deptA.id))).toEqual(['departments']);
    expect(around(() => sqlite.prepare(`insert into sign_in_throttle (key, failures, window_started_at) values ('k', 1, '2026-01-01T00:00:00Z')`).run())).toEqual(['sign_in_throttle']);
    expect(around(() => sqlite.prepare(`delete from sign_in_throttle where key = 'k'`).run())).toEqual(['sign_in_throttle']);
    // An update that matches nothing writes nothing.
    expect(around(() => sqlite.prepare(`update departments set name_en = 'x' where id = -1`).run())).toEqual([]);
  });

  it('do not change when the transaction that wrote is rolled back', () => {
    expect(
      around(() =>
        sqlite.transaction(() => {
          sqlite.prepare(`update departments set name_en = 'rolled back' where id = ?`).run(f.deptA.id);
          throw new Error('refused');
        })(),
      ),
    ).toEqual([]);
    expect(sqlite.prepare(`select name_en from departments where id = ?`).pluck().get(f.deptA.id)).not.toBe('rolled back');
  });
});
