import { describe, expect, it } from 'vitest';
import { testDb } from '../lib/testing/db';

const tables = ['departments', 'matters', 'contractors', 'contracts', 'amendments', 'milestones', 'deliverables', 'attachments', 'payments', 'evaluations', 'users', 'audit_events'];

describe('database schema', () => {
  const db = testDb();
  const sqlite = db.$client;

  it('has every table of the domain', () => {
    const names = sqlite.prepare(`select name from sqlite_master where type = 'table'`).pluck().all();
    for (const t of tables) expect(names).toContain(t);
  });

  it('indexes every foreign key column', () => {
    const missing: string[] = [];
    for (const t of tables) {
      const fks = sqlite.prepare(`select "from" from pragma_foreign_key_list(?)`).pluck().all(t) as string[];
      const indexes = sqlite.prepare(`select name from pragma_index_list(?)`).pluck().all(t) as string[];
      const leading = new Set(indexes.map((i) => (sqlite.prepare(`select name from pragma_index_info(?) where seqno = 0`).pluck().get(i) as string)));
      for (const col of fks) if (!leading.has(col)) missing.push(`${t}.${col}`);
    }
    expect(missing).toEqual([]);
  });

  it('enforces enum CHECK constraints built from the domain tuples', () => {
    const now = new Date().toISOString();
    expect(() =>
      sqlite.prepare(`insert into departments (code, name_zh, name_en, kind, created_at, updated_at) values ('X', 'x', 'x', 'township', ?, ?)`).run(now, now),
    ).toThrow(/CHECK constraint failed: departments_kind_check/);
    expect(() =>
      sqlite
        .prepare(`insert into contractors (name_zh, name_en, kind, credit_code, legal_representative, created_at, updated_at) values ('x', 'x', 'company', '91350100M000100Y43', 'x', ?, ?)`)
        .run(now, now),
    ).toThrow(/contractors_kind_check/);
  });

  it('enforces foreign keys', () => {
    const now = new Date().toISOString();
    expect(() =>
      sqlite
        .prepare(`insert into matters (code, title_zh, title_en, category, department_id, annual_budget_fen, created_at, updated_at) values ('LG-ENV-999', 'x', 'x', 'environment', 999, 1, ?, ?)`)
        .run(now, now),
    ).toThrow(/FOREIGN KEY/);
  });

  it('runs with foreign keys on and synchronous FULL', () => {
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });
});
