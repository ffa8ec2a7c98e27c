import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { Db } from '../../db/client';

// The plans SQLite makes for the statements a piece of code runs: for tests that keep a page's cost
// independent of the registry's size (no walk through every row of a big table).

export type Captured = { sql: string; params: unknown[]; plan: string[] };

/** Every statement `run` prepares, with the parameters it ran with and its EXPLAIN QUERY PLAN lines. */
export function plansOf(db: Db, run: () => unknown): Captured[] {
  const client = db.$client as Database.Database & { prepare: Database.Database['prepare'] };
  const prepare = client.prepare.bind(client);
  const seen: { sql: string; params: unknown[] }[] = [];
  client.prepare = ((sql: string) => {
    const stmt = prepare(sql);
    const record = { sql, params: [] as unknown[] };
    seen.push(record);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = (stmt[method] as (...a: unknown[]) => unknown).bind(stmt);
      Object.defineProperty(stmt, method, { value: (...args: unknown[]) => ((record.params = args), original(...args)) });
    }
    return stmt;
  }) as Database.Database['prepare'];
  try {
    run();
  } finally {
    client.prepare = prepare;
  }
  return seen
    .filter((s) => /^\s*select/i.test(s.sql))
    .map((s) => ({ ...s, plan: (prepare(`explain query plan ${s.sql}`).all(...s.params) as { detail: string }[]).map((r) => r.detail) }));
}

const bigTables = ['matters', 'contracts', 'deliverables', 'milestones', 'payments', 'evaluations', 'contractors', 'amendments', 'audit_events', 'ocds_releases'];
/** "SCAN contracts" (or "SCAN c" of an aliased big table) with no index: a walk through every row. */
export function fullScans(c: Captured): string[] {
  const aliases = new Map<string, string>();
  for (const m of c.sql.matchAll(/"?(\w+)"?\s+(?:as\s+)?"?(\w+)"?/gi)) aliases.set(m[2]!, m[1]!);
  return c.plan.filter((line) => {
    const m = /^SCAN (\w+)(?: AS (\w+))?$/.exec(line);
    if (!m) return false;
    const name = m[1]!;
    return bigTables.includes(name) || bigTables.includes(aliases.get(name) ?? '');
  });
}

export const expectNoFullScans = (captured: Captured[]) => {
  expect(captured.length).toBeGreaterThan(0);
  for (const c of captured) expect(fullScans(c), `${c.sql}\n${c.plan.join('\n')}`).toEqual([]);
};
