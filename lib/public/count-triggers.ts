import type Database from 'better-sqlite3';
import {
  hasActiveContractSql,
  inServiceSql,
  publishedContractSql,
  publishedMatterSql,
  servingCatalogueStatuses,
  sqlIn,
  activeContractStatuses,
  submittedOnTimeSql,
} from '../domain/predicates';
import { rebuildPublicCounts } from './counts';
import { rebuildPublicStats } from './stats-counts';

// The triggers that keep public_counts (the lists' totals, lib/public/counts.ts, and the overview's figures,
// lib/public/stats-counts.ts) in the same transaction as every write to the rows they count, whatever code
// path writes them. They are generated here from the predicates (lib/domain/predicates.ts) and installed
// by openDatabase after the migrations (migration 0010 dropped the ones 0007 and 0008 had written out), so
// a changed predicate changes the triggers, and the counts are rebuilt, the next time the database opens.
//
// Each stats trigger takes away what the old row contributed and adds what the new row contributes.

type TriggerDefinition = { name: string; sql: string };

type Row = 'new' | 'old';

const trigger = (name: string, event: string, body: string[], when?: string): TriggerDefinition => ({
  name,
  sql: `CREATE TRIGGER ${name} ${event}${when ? ` WHEN ${when}` : ''} BEGIN\n${body.map((s) => `  ${s};`).join('\n')}\nEND`,
});

// ----- The lists' totals (rows matters.published, contracts.published) -----

function listTotalTriggers(table: 'matters' | 'contracts', column: string, count: string, isPublished: (column: string) => string): TriggerDefinition[] {
  const bump = (change: string) => `UPDATE public_counts SET n = n ${change} WHERE name = '${count}'`;
  const was = isPublished(`old.${column}`);
  const is = isPublished(`new.${column}`);
  return [
    trigger(`public_counts_${table}_insert`, `AFTER INSERT ON ${table}`, [bump('+ 1')], is),
    trigger(`public_counts_${table}_update`, `AFTER UPDATE OF ${column} ON ${table}`, [bump(`+ (CASE WHEN ${is} THEN 1 ELSE -1 END)`)], `(${was}) <> (${is})`),
    trigger(`public_counts_${table}_delete`, `AFTER DELETE ON ${table}`, [bump('- 1')], was),
  ];
}

// ----- The overview's figures (rows stats.*) -----

/** Adds (or, with `subtract`, takes away) the rows `name, n` that `select` yields. */
const add = (select: string[], subtract = false) =>
  `INSERT INTO public_counts (name, n) SELECT name, ${subtract ? '-n' : 'n'} FROM (${select.join(' UNION ALL ')}) WHERE true ON CONFLICT (name) DO UPDATE SET n = n + excluded.n`;

const contractIsPublished = (contractId: string) => `EXISTS (SELECT 1 FROM contracts c WHERE c.id = ${contractId} AND ${publishedContractSql('c.status')})`;
const onTime = (r: string) => submittedOnTimeSql(`${r}.submitted_at`, `${r}.period_end`);

/** What one row of each table contributes to the figures. */
const contributions: Record<'contracts' | 'payments' | 'deliverables' | 'evaluations' | 'contractors' | 'matters', (r: Row) => string[]> = {
  contracts: (r) => {
    const published = publishedContractSql(`${r}.status`);
    return [
      `SELECT 'stats.contracts.status.' || ${r}.status AS name, 1 AS n WHERE ${published}`,
      `SELECT 'stats.contracts.value', ${r}.value_fen WHERE ${published}`,
      `SELECT 'stats.category.' || m.category || '.contracts', 1 FROM matters m WHERE m.id = ${r}.matter_id AND ${published}`,
      `SELECT 'stats.category.' || m.category || '.value', ${r}.value_fen FROM matters m WHERE m.id = ${r}.matter_id AND ${published}`,
      `SELECT 'stats.year.' || substr(${r}.start_date, 1, 4) || '.' || ${r}.status, 1 WHERE ${published}`,
      `SELECT 'stats.payments.paid', coalesce(sum(p.amount_fen), 0) FROM payments p WHERE p.contract_id = ${r}.id AND ${published}`,
      `SELECT 'stats.deliverables.accepted', count(*) FROM deliverables d WHERE d.contract_id = ${r}.id AND d.status = 'accepted' AND ${published}`,
      `SELECT 'stats.deliverables.on_time', count(*) FROM deliverables d WHERE d.contract_id = ${r}.id AND d.status = 'accepted' AND ${onTime('d')} AND ${published}`,
      `SELECT 'stats.evaluations.count', count(*) FROM evaluations e WHERE e.contract_id = ${r}.id AND ${published}`,
      `SELECT 'stats.evaluations.score_sum', coalesce(sum(e.overall_score), 0) FROM evaluations e WHERE e.contract_id = ${r}.id AND ${published}`,
    ];
  },
  payments: (r) => [`SELECT 'stats.payments.paid' AS name, ${r}.amount_fen AS n WHERE ${contractIsPublished(`${r}.contract_id`)}`],
  deliverables: (r) => [
    `SELECT 'stats.deliverables.accepted' AS name, 1 AS n WHERE ${r}.status = 'accepted' AND ${contractIsPublished(`${r}.contract_id`)}`,
    `SELECT 'stats.deliverables.on_time', 1 WHERE ${r}.status = 'accepted' AND ${contractIsPublished(`${r}.contract_id`)} AND ${onTime(r)}`,
  ],
  evaluations: (r) => [
    `SELECT 'stats.evaluations.count' AS name, 1 AS n WHERE ${contractIsPublished(`${r}.contract_id`)}`,
    `SELECT 'stats.evaluations.score_sum', ${r}.overall_score WHERE ${contractIsPublished(`${r}.contract_id`)}`,
  ],
  contractors: (r) => [`SELECT 'stats.contractors.kind.' || ${r}.kind AS name, 1 AS n`],
  matters: (r) => [
    `SELECT 'stats.matters.' || ${r}.catalogue_status AS name, 1 AS n WHERE ${publishedMatterSql(`${r}.catalogue_status`)}`,
    `SELECT 'stats.matters.in_service', 1 WHERE ${inServiceSql(`${r}.catalogue_status`, `${r}.id`, { alias: 'c' })}`,
    `SELECT 'stats.category.' || ${r}.category || '.contracts', count(*) FROM contracts c WHERE c.matter_id = ${r}.id AND ${publishedContractSql('c.status')}`,
    `SELECT 'stats.category.' || ${r}.category || '.value', coalesce(sum(c.value_fen), 0) FROM contracts c WHERE c.matter_id = ${r}.id AND ${publishedContractSql('c.status')}`,
  ],
};

/** The columns each figure reads, per table: an update of any other column changes no figure. */
const watched: Record<keyof typeof contributions, string> = {
  contracts: 'status, value_fen, matter_id, start_date',
  payments: 'amount_fen, contract_id',
  deliverables: 'status, submitted_at, period_end, contract_id',
  evaluations: 'overall_score, contract_id',
  contractors: 'kind',
  matters: 'catalogue_status, category',
};

/**
 * A contract write can put the matters it touches in or out of service. For each: in service now minus in
 * service before, where "before" leaves the written contract out and counts its old row instead.
 */
function inServiceChange(matterIds: string[], changed: Row, old: Row | null): string[] {
  const nowInService = inServiceSql('m.catalogue_status', 'm.id', { alias: 'c' });
  const otherActive = hasActiveContractSql('m.id', { alias: 'c', extra: `c.id <> ${changed}.id` });
  const oldRowActive = old ? `(${sqlIn(`${old}.status`, activeContractStatuses)} AND ${old}.matter_id = m.id)` : '0';
  const wasInService = `${sqlIn('m.catalogue_status', servingCatalogueStatuses)} AND (${otherActive} OR ${oldRowActive})`;
  return [`SELECT 'stats.matters.in_service' AS name, (${nowInService}) - (${wasInService}) AS n FROM matters m WHERE m.id IN (${matterIds.join(', ')})`];
}

function statsTriggers(): TriggerDefinition[] {
  const out: TriggerDefinition[] = [];
  for (const table of ['contracts', 'payments', 'deliverables', 'evaluations', 'contractors', 'matters'] as const) {
    const of = contributions[table];
    const extra = (event: 'insert' | 'update' | 'delete'): string[] => {
      if (table !== 'contracts') return [];
      if (event === 'insert') return [add(inServiceChange(['new.matter_id'], 'new', null))];
      if (event === 'update') return [add(inServiceChange(['old.matter_id', 'new.matter_id'], 'old', 'old'))];
      return [add(inServiceChange(['old.matter_id'], 'old', 'old'))];
    };
    out.push(
      trigger(`public_stats_${table}_insert`, `AFTER INSERT ON ${table}`, [add(of('new')), ...extra('insert')]),
      trigger(`public_stats_${table}_update`, `AFTER UPDATE OF ${watched[table]} ON ${table}`, [add(of('old'), true), add(of('new')), ...extra('update')]),
      trigger(`public_stats_${table}_delete`, `AFTER DELETE ON ${table}`, [add(of('old'), true), ...extra('delete')]),
    );
  }
  return out;
}

/** Every trigger that keeps public_counts, generated from the predicates. */
export function publicCountTriggers(): TriggerDefinition[] {
  return [
    ...listTotalTriggers('matters', 'catalogue_status', 'matters.published', publishedMatterSql),
    ...listTotalTriggers('contracts', 'status', 'contracts.published', publishedContractSql),
    ...statsTriggers(),
  ];
}

/** Whether a trigger name is one of ours (public_counts_* or public_stats_*). */
const isCountTrigger = (name: string) => name.startsWith('public_counts_') || name.startsWith('public_stats_');

/** The triggers to drop (absent from the definitions, or different) and to create (missing, or different). */
function triggerChanges(sqlite: Database.Database, wanted: TriggerDefinition[]): { drop: string[]; create: TriggerDefinition[] } {
  const stored = new Map(
    (sqlite.prepare(`select name, sql from sqlite_master where type = 'trigger'`).all() as TriggerDefinition[]).filter((t) => isCountTrigger(t.name)).map((t) => [t.name, t.sql]),
  );
  const wantedByName = new Map(wanted.map((t) => [t.name, t.sql]));
  return {
    drop: [...stored.keys()].filter((name) => wantedByName.get(name) !== stored.get(name)),
    create: wanted.filter((t) => stored.get(t.name) !== t.sql),
  };
}

/**
 * Makes the database's public_counts triggers exactly the generated ones: drops those that differ or are no
 * longer defined, creates the missing ones, and then recounts every public count, all in one immediate
 * transaction. Run after the migrations; when the triggers are already current it only reads.
 */
export function installPublicCountTriggers(sqlite: Database.Database): { dropped: string[]; created: string[] } {
  const wanted = publicCountTriggers();
  if (!sqlite.inTransaction) {
    const pending = triggerChanges(sqlite, wanted);
    if (pending.drop.length === 0 && pending.create.length === 0) return { dropped: [], created: [] };
  }
  const install = sqlite.transaction(() => {
    // Again inside the transaction: another process may have installed them meanwhile.
    const { drop, create } = triggerChanges(sqlite, wanted);
    for (const name of drop) sqlite.exec(`DROP TRIGGER IF EXISTS "${name}"`);
    for (const t of create) sqlite.exec(t.sql);
    if (drop.length > 0 || create.length > 0) {
      rebuildPublicCounts(sqlite);
      rebuildPublicStats(sqlite);
    }
    return { dropped: drop, created: create.map((t) => t.name) };
  });
  return install.immediate();
}
