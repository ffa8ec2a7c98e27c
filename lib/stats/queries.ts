import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ContractorKind } from '../domain/enums';

export type HeadlineFigures = {
  matters: { total: number; listed: number };
  contractors: { total: number; byKind: Record<ContractorKind, number> };
  contracts: { approved: number; totalValueFen: number };
};

/** Counts for the home page. Public: aggregates only, no personal data. */
export function getHeadlineFigures(db: Db): HeadlineFigures {
  const sqlite = db.$client;
  const m = sqlite
    .prepare(`select count(*) as total, coalesce(sum(catalogue_status = 'listed'), 0) as listed from matters`)
    .get() as { total: number; listed: number };
  const kinds = sqlite.prepare(`select kind, count(*) as n from contractors group by kind`).all() as { kind: ContractorKind; n: number }[];
  const byKind: Record<ContractorKind, number> = { social_organization: 0, enterprise_institution: 0, university: 0 };
  for (const k of kinds) byKind[k.kind] = k.n;
  const c = db.get<{ approved: number; value: number }>(
    sql`select count(*) as approved, coalesce(sum(value_fen), 0) as value from contracts where status in ('active', 'suspended', 'completed', 'terminated')`,
  );
  return {
    matters: m,
    contractors: { total: kinds.reduce((a, k) => a + k.n, 0), byKind },
    contracts: { approved: c.approved, totalValueFen: c.value },
  };
}
