import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { getEnv } from '../env';
import { publishedContractSql } from '../domain/predicates';
import { nowIso, toShanghaiOffset } from '../shared/time';
import { buildReleaseContent, ocidOf, releaseTags, type Release } from './release';
import { readContractSnapshot, readContractSnapshots, type ContractSnapshot } from './snapshot';

// A new OCDS release whenever something published about a contract changes, in the same transaction as the
// change. Every audited write notes the contracts it may touch (noteChange, called by appendAuditEvent);
// before the transaction commits, each noted contract's release is rebuilt and compared by content with its
// latest release: only a real change publishes a new one (new id, date and tag). Releases are never changed.


/**
 * Per connection (which holds one transaction at a time): contract id → the audit actions of the open
 * transaction that may have changed it. Savepoints share it; one rolled back leaves notes that publish nothing.
 */
const pending = new WeakMap<Database.Database, Map<number, Set<string>>>();

type Change = { action: string; entityType: string; entityId: string | number; data: unknown };

/** Which contracts a change of this entity can alter in a release. */
function contractsOf(sqlite: Database.Database, change: Change): number[] {
  const id = Number(change.entityId);
  const ids = (text: string) => (sqlite.prepare(text).pluck().all(id) as number[]);
  switch (change.entityType) {
    case 'contract':
      return [id];
    case 'payment': {
      const after = (change.data as { after?: { contractId?: unknown } }).after;
      return typeof after?.contractId === 'number' ? [after.contractId] : ids('select contract_id from payments where id = ?');
    }
    case 'milestone':
      return ids('select contract_id from milestones where id = ?');
    case 'deliverable':
      return ids('select contract_id from deliverables where id = ?');
    case 'amendment':
      return ids('select contract_id from amendments where id = ?');
    case 'contractor':
      return ids(`select id from contracts where contractor_id = ? and ${publishedContractSql('status')}`);
    case 'matter':
      return ids(`select id from contracts where matter_id = ? and ${publishedContractSql('status')}`);
    case 'department':
      return ids(`select id from contracts where department_id = ? and ${publishedContractSql('status')}`);
    default:
      return [];
  }
}

/** Notes the contracts an audited change may alter, to be republished when its transaction ends. */
export function noteChange(sqlite: Database.Database, change: Change): void {
  const ids = contractsOf(sqlite, change);
  if (ids.length === 0) return;
  let byContract = pending.get(sqlite);
  if (!byContract) pending.set(sqlite, (byContract = new Map()));
  for (const id of ids) {
    let actions = byContract.get(id);
    if (!actions) byContract.set(id, (actions = new Set()));
    actions.add(change.action);
  }
}

/** Publishes what the transaction's noted changes altered. Runs inside the transaction, just before it commits. */
export function publishNotedChanges(sqlite: Database.Database): void {
  const byContract = pending.get(sqlite);
  if (!byContract) return;
  pending.delete(sqlite);
  const now = nowIso();
  for (const [contractId, actions] of byContract) publishContractRelease(sqlite, contractId, actions, now);
}

/** Forgets what a transaction that did not commit had noted. */
export function discardNotedChanges(sqlite: Database.Database): void {
  pending.delete(sqlite);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

type LatestRelease = { releaseId: string; contentHash: string; data: string; count: number };

function latestRelease(sqlite: Database.Database, contractId: number): LatestRelease | undefined {
  return sqlite
    .prepare(
      `select release_id as releaseId, content_hash as contentHash, data, (select count(*) from ocds_releases x where x.contract_id = r.contract_id) as count
       from ocds_releases r where r.contract_id = ? order by r.id desc limit 1`,
    )
    .get(contractId) as LatestRelease | undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fields the previous release had and this one has not, set to null: OCDS merges releases field by field,
 * so only an explicit null removes a value (a suspension's reason after the contract resumes, say).
 */
export function nullRemovedFields(previous: unknown, next: unknown): void {
  if (isPlainObject(previous) && isPlainObject(next)) {
    for (const [key, before] of Object.entries(previous)) {
      if (!(key in next)) {
        if (before !== null) next[key] = null;
      } else nullRemovedFields(before, next[key]);
    }
  } else if (Array.isArray(previous) && Array.isArray(next)) {
    const byId = new Map(previous.filter(isPlainObject).map((item) => [item.id, item]));
    for (const item of next) if (isPlainObject(item) && byId.has(item.id)) nullRemovedFields(byId.get(item.id), item);
  }
}

const insertRelease = (sqlite: Database.Database) =>
  sqlite.prepare('insert into ocds_releases (contract_id, ocid, release_id, published_at, content_hash, data) values (?, ?, ?, ?, ?, ?)');
const markAmendments = (sqlite: Database.Database) =>
  sqlite.prepare(`update amendments set ocds_release_id = ?, ocds_amends_release_id = ? where contract_id = ? and status = 'approved' and ocds_release_id is null`);

/** Builds the contract's release as it stands and publishes it if its content differs from the latest. */
export function publishContractRelease(sqlite: Database.Database, contractId: number, actions: Iterable<string>, now: string): Release | null {
  const snapshot = readContractSnapshot(sqlite, contractId);
  if (!snapshot) return null;
  return publishSnapshot(sqlite, snapshot, latestRelease(sqlite, contractId), actions, now);
}

function publishSnapshot(sqlite: Database.Database, snapshot: ContractSnapshot, latest: LatestRelease | undefined, actions: Iterable<string>, now: string): Release | null {
  const prefix = getEnv().OCDS_PREFIX;
  const ocid = ocidOf(prefix, snapshot.reference);
  const releaseId = `${ocid}-${(latest?.count ?? 0) + 1}`;
  const content: Partial<ReturnType<typeof buildReleaseContent>> = buildReleaseContent(snapshot, prefix, { releaseId, previousReleaseId: latest?.releaseId ?? null });
  delete content.ocid;
  const contentHash = sha256(JSON.stringify(content));
  if (latest && latest.contentHash === contentHash) return null;
  const release = { ocid, id: releaseId, date: toShanghaiOffset(now), tag: releaseTags(actions, !latest), ...content } as Release;
  if (latest) nullRemovedFields(JSON.parse(latest.data), release);
  insertRelease(sqlite).run(snapshot.id, ocid, releaseId, now, contentHash, JSON.stringify(release));
  if (snapshot.amendments.some((a) => a.releaseId === null)) markAmendments(sqlite).run(releaseId, latest?.releaseId ?? null, snapshot.id);
  return release;
}

/** What a contract published before releases were kept has been through, as release causes. */
function backfillActions(s: ContractSnapshot): string[] {
  const actions = ['contract.approved'];
  if (s.payments.length > 0 || s.acceptedDeliverables.length > 0 || s.milestones.some((m) => m.status !== 'scheduled')) actions.push('payment.recorded');
  if (s.amendments.length > 0) actions.push('amendment.approved');
  if (s.status === 'suspended') actions.push('contract.suspended');
  if (s.status === 'completed' || s.status === 'terminated') actions.push('contract.completed');
  return actions;
}

/**
 * A first release for every published contract that has none (a database from before releases were kept,
 * or a synthetic one written row by row), a batch per immediate transaction. Returns how many it published.
 */
export function publishMissingReleases(sqlite: Database.Database, batchSize = 500): number {
  const missing = sqlite.prepare(
    `select c.id from contracts c where c.id > ? and +${publishedContractSql('c.status')} and not exists (select 1 from ocds_releases r where r.contract_id = c.id) order by c.id limit ?`,
  );
  let after = 0;
  let total = 0;
  for (;;) {
    const ids = missing.pluck().all(after, batchSize) as number[];
    if (ids.length === 0) break;
    const now = nowIso();
    sqlite.transaction(() => {
      const wanted = new Set(ids);
      for (const s of readContractSnapshots(sqlite, after, ids.at(-1)!, Number.MAX_SAFE_INTEGER)) {
        if (!wanted.has(s.id)) continue;
        if (publishSnapshot(sqlite, s, undefined, backfillActions(s), now)) total++;
      }
    }).immediate();
    after = ids.at(-1)!;
  }
  return total;
}
