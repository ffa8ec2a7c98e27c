import type Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { migrationsFolder } from '../../db/client';
import { verifyAuditChain } from '../audit/verify';

export type DatabaseCheck = { ok: boolean; problems: string[]; events: number; headHash: string | null };

/** integrity_check, foreign_key_check and the audit chain: what a copy must pass before it is trusted. */
export function checkDatabase(sqlite: Database.Database): DatabaseCheck {
  const problems: string[] = [];
  const integrity = sqlite.prepare('pragma integrity_check').pluck().all() as string[];
  if (integrity.length !== 1 || integrity[0] !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 5).join('; ')}`);
  const fk = sqlite.prepare('pragma foreign_key_check').all();
  if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} rows point at nothing`);
  const chain = verifyAuditChain(sqlite);
  if (!chain.ok) problems.push(`audit chain broken at event ${chain.firstBadSeq}: ${chain.reason}`);
  return { ok: problems.length === 0, problems, events: chain.count, headHash: chain.ok ? chain.headHash : null };
}

/** Whether every committed migration has been applied. */
export function migrationsCurrent(sqlite: Database.Database): { applied: number; expected: number } {
  const expected = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).length;
  const applied = sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get() as number;
  return { applied, expected };
}
