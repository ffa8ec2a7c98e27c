import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { contracts } from '../../db/schema';

/** The next readable reference for a year, e.g. LG-2026-0042; runs inside the writing transaction. */
export function nextContractReference(tx: Tx, prefix: string, year: number): string {
  const stem = `${prefix}-${year}-`;
  const last = tx
    .select({ n: sql<number | null>`max(cast(substr(${contracts.reference}, ${stem.length + 1}) as integer))` })
    .from(contracts)
    .where(sql`${contracts.reference} like ${`${stem}%`}`)
    .get();
  return `${stem}${String((last?.n ?? 0) + 1).padStart(4, '0')}`;
}
