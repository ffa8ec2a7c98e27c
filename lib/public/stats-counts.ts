import type Database from 'better-sqlite3';
import type { Db } from '../../db/client';
import { contractorKinds, type ContractorKind, type MatterCategory } from '../domain/enums';
import {
  inServiceSql,
  isPublishedContractStatus,
  ON_TIME_GRACE_DAYS,
  publishedContractSql,
  publishedContractStatuses,
  publishedMatterSql,
  submittedOnTimeSql,
  type PublishedContractStatus,
} from '../domain/predicates';
import type { PublicStats } from './dto';

// The overview's figures, kept on write: rows named `stats.*` in public_counts, changed by triggers
// (lib/public/count-triggers.ts) in the same transaction as the matter, contractor, contract, payment,
// deliverable or evaluation they count. Reading them is one indexed range instead of aggregates over every table.

const published = publishedContractSql('status');
const cPublished = publishedContractSql('c.status');

/** The recount: every stats.* row from the tables. */
const RECOUNT = `INSERT INTO public_counts (name, n) SELECT name, n FROM (
  SELECT 'stats.matters.' || catalogue_status AS name, count(*) AS n FROM matters WHERE ${publishedMatterSql('catalogue_status')} GROUP BY catalogue_status
  UNION ALL SELECT 'stats.matters.in_service', count(*) FROM matters m WHERE ${inServiceSql('m.catalogue_status', 'm.id', { alias: 'c' })}
  UNION ALL SELECT 'stats.contractors.kind.' || kind, count(*) FROM contractors GROUP BY kind
  UNION ALL SELECT 'stats.contracts.status.' || status, count(*) FROM contracts WHERE ${published} GROUP BY status
  UNION ALL SELECT 'stats.contracts.value', coalesce(sum(value_fen), 0) FROM contracts WHERE ${published}
  UNION ALL SELECT 'stats.category.' || m.category || '.contracts', count(*) FROM contracts c JOIN matters m ON m.id = c.matter_id WHERE ${cPublished} GROUP BY m.category
  UNION ALL SELECT 'stats.category.' || m.category || '.value', sum(c.value_fen) FROM contracts c JOIN matters m ON m.id = c.matter_id WHERE ${cPublished} GROUP BY m.category
  UNION ALL SELECT 'stats.year.' || substr(start_date, 1, 4) || '.' || status, count(*) FROM contracts WHERE ${published} GROUP BY substr(start_date, 1, 4), status
  UNION ALL SELECT 'stats.payments.paid', coalesce(sum(p.amount_fen), 0) FROM payments p JOIN contracts c ON c.id = p.contract_id WHERE ${cPublished}
  UNION ALL SELECT 'stats.deliverables.accepted', count(*) FROM deliverables d JOIN contracts c ON c.id = d.contract_id WHERE d.status = 'accepted' AND ${cPublished}
  UNION ALL SELECT 'stats.deliverables.on_time', count(*) FROM deliverables d JOIN contracts c ON c.id = d.contract_id WHERE d.status = 'accepted' AND ${cPublished} AND ${submittedOnTimeSql('d.submitted_at', 'd.period_end')}
  UNION ALL SELECT 'stats.evaluations.count', count(*) FROM evaluations e JOIN contracts c ON c.id = e.contract_id WHERE ${cPublished}
  UNION ALL SELECT 'stats.evaluations.score_sum', coalesce(sum(e.overall_score), 0) FROM evaluations e JOIN contracts c ON c.id = e.contract_id WHERE ${cPublished}
) WHERE true ON CONFLICT (name) DO UPDATE SET n = excluded.n;`;

/** Recomputes every stats.* row from the tables (after a bulk load that ran without the triggers, or new triggers). */
export function rebuildPublicStats(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.prepare(`delete from public_counts where name like 'stats.%'`).run();
    sqlite.prepare(RECOUNT).run();
  }).immediate();
}

/** A zero for every published contract status. */
export const emptyByStatus = (): Record<PublishedContractStatus, number> =>
  Object.fromEntries(publishedContractStatuses.map((s) => [s, 0])) as Record<PublishedContractStatus, number>;

/** The overview's figures from the kept counts. */
export function readPublicStats(db: Db): PublicStats {
  const rows = db.$client.prepare(`select name, n from public_counts where name >= 'stats.' and name < 'stats/'`).all() as { name: string; n: number }[];
  const n = new Map(rows.map((r) => [r.name, r.n]));
  const get = (name: string) => n.get(name) ?? 0;

  const byKind = Object.fromEntries(contractorKinds.map((k) => [k, get(`stats.contractors.kind.${k}`)])) as Record<ContractorKind, number>;
  const byStatus = emptyByStatus();
  for (const s of publishedContractStatuses) byStatus[s] = get(`stats.contracts.status.${s}`);

  const categories = new Map<string, { contracts: number; valueFen: number }>();
  const years = new Map<number, Record<PublishedContractStatus, number>>();
  for (const { name, n: value } of rows) {
    const category = /^stats\.category\.(.+)\.(contracts|value)$/.exec(name);
    if (category) {
      const entry = categories.get(category[1]!) ?? { contracts: 0, valueFen: 0 };
      if (category[2] === 'contracts') entry.contracts = value;
      else entry.valueFen = value;
      categories.set(category[1]!, entry);
    }
    const year = /^stats\.year\.(\d{4})\.(\w+)$/.exec(name);
    if (year && isPublishedContractStatus(year[2]!) && value !== 0) {
      const counts = years.get(Number(year[1])) ?? emptyByStatus();
      counts[year[2]] = value;
      years.set(Number(year[1]), counts);
    }
  }
  const evaluations = get('stats.evaluations.count');
  const listed = get('stats.matters.listed');
  const withdrawn = get('stats.matters.withdrawn');
  return {
    matters: { published: listed + withdrawn, listed, withdrawn, inService: get('stats.matters.in_service') },
    contractors: { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind },
    contracts: { published: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus, totalValueFen: get('stats.contracts.value'), amountPaidFen: get('stats.payments.paid') },
    deliverables: { accepted: get('stats.deliverables.accepted'), acceptedOnTime: get('stats.deliverables.on_time'), graceDays: ON_TIME_GRACE_DAYS },
    evaluations: { count: evaluations, averageScore: evaluations === 0 ? null : Math.round((get('stats.evaluations.score_sum') / evaluations) * 10) / 10 },
    valueByCategory: [...categories.entries()]
      .filter(([, c]) => c.contracts > 0)
      .map(([category, c]) => ({ category: category as MatterCategory, ...c }))
      .sort((a, b) => b.valueFen - a.valueFen || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0)),
    contractsByStartYear: [...years.entries()].sort(([a], [b]) => a - b).map(([year, counts]) => ({ year, byStatus: counts })),
  };
}
