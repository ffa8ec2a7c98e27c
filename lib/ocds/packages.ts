import type Database from 'better-sqlite3';
import type { Env } from '../env';
import { compileReleases, type ReleaseLike } from './merge';

// The OCDS files, streamed from the kept releases: the release package (every release, in the order they
// were published, or those published after `since`), one ocid's releases, and the record package (per ocid
// its releases and its compiled release). Read a keyset batch at a time: memory stays flat, and no
// statement stays open between pieces.

export const OCDS_VERSION = '1.1';
export const ocdsPaths = {
  releasePackage: '/api/public/ocds/release-package.json',
  recordPackage: '/api/public/ocds/record-package.json',
  releases: '/api/public/ocds/releases/',
  extension: '/api/public/ocds/extension/extension.json',
  extensionSchema: '/api/public/ocds/extension/release-schema.json',
  metricsExtension: '/api/public/ocds/metrics-extension/extension.json',
  metricsExtensionSchema: '/api/public/ocds/metrics-extension/release-schema.json',
  publicationPolicy: '/zh-CN/publication-policy',
};

type MetaEnv = Pick<Env, 'PUBLIC_URL' | 'PUBLISHER_NAME' | 'PUBLISHER_CREDIT_CODE' | 'OCDS_LICENSE'>;

/** Package metadata: every URL from the configured public address, never from the request. */
export function packageMetadata(env: MetaEnv, path: string, publishedDate: string) {
  return {
    uri: `${env.PUBLIC_URL}${path}`,
    version: OCDS_VERSION,
    // The registry's own extension, and the OCDS Metrics extension (targets and results), served from here
    // like the registry's (lib/ocds/extension.ts), so that a reader behind a firewall still gets them.
    extensions: [`${env.PUBLIC_URL}${ocdsPaths.extension}`, `${env.PUBLIC_URL}${ocdsPaths.metricsExtension}`],
    publishedDate,
    publisher: { name: env.PUBLISHER_NAME, scheme: 'CN-USCC', uid: env.PUBLISHER_CREDIT_CODE, uri: env.PUBLIC_URL },
    license: env.OCDS_LICENSE,
    publicationPolicy: `${env.PUBLIC_URL}${ocdsPaths.publicationPolicy}`,
  };
}

export type ReleaseFilter = { since?: string; ocid?: string };

const BATCH = 500;

/** The stored releases' JSON text in publication order (by time, for `since`), a batch at a time. */
function* releaseBatches(sqlite: Database.Database, filter: ReleaseFilter): Generator<string[]> {
  if (filter.since) {
    // Keyset on (published_at, id), the index's order: a recent `since` reads only the recent releases.
    const statement = sqlite.prepare('select published_at, id, data from ocds_releases where (published_at, id) > (?, ?) order by published_at, id limit ?').raw();
    let key: [string, number] = [filter.since, Number.MAX_SAFE_INTEGER];
    for (;;) {
      const rows = statement.all(...key, BATCH) as [string, number, string][];
      if (rows.length === 0) return;
      yield rows.map((r) => r[2]);
      const last = rows.at(-1)!;
      key = [last[0], last[1]];
      if (rows.length < BATCH) return;
    }
  }
  const statement = filter.ocid
    ? sqlite.prepare('select id, data from ocds_releases where ocid = ? and id > ? order by id limit ?').raw()
    : sqlite.prepare('select id, data from ocds_releases where ? is null and id > ? order by id limit ?').raw();
  const key = filter.ocid ?? null;
  let after = 0;
  for (;;) {
    const rows = statement.all(key, after, BATCH) as [number, string][];
    if (rows.length === 0) return;
    yield rows.map((r) => r[1]);
    after = rows.at(-1)![0];
    if (rows.length < BATCH) return;
  }
}

const head = (meta: object, listName: string) => `${JSON.stringify(meta).slice(0, -1)},"${listName}":[`;

/** A release package as JSON text, piece by piece. */
export function* releasePackageChunks(sqlite: Database.Database, meta: object, filter: ReleaseFilter = {}): Generator<string> {
  yield head(meta, 'releases');
  let first = true;
  for (const batch of releaseBatches(sqlite, filter)) {
    yield (first ? '' : ',') + batch.join(',');
    first = false;
  }
  yield ']}';
}

/** Whether any release carries this ocid. */
export const hasOcid = (sqlite: Database.Database, ocid: string) => sqlite.prepare('select 1 from ocds_releases where ocid = ? limit 1').get(ocid) !== undefined;

/** A record package as JSON text: per contract (in id order) its releases, embedded, and its compiled release. */
export function* recordPackageChunks(sqlite: Database.Database, meta: object, filter: ReleaseFilter = {}): Generator<string> {
  yield head(meta, 'records');
  const contracts = filter.since
    ? sqlite.prepare('select distinct contract_id from ocds_releases indexed by ocds_releases_published_at_idx where contract_id > ? and published_at > ? order by contract_id limit ?').pluck()
    : sqlite.prepare('select distinct contract_id from ocds_releases where contract_id > ? and ? is null order by contract_id limit ?').pluck();
  const releasesOf = sqlite.prepare('select contract_id, data from ocds_releases where contract_id >= ? and contract_id <= ? order by contract_id, id').raw();
  let after = 0;
  let first = true;
  for (;;) {
    const ids = contracts.all(after, filter.since ?? null, BATCH) as number[];
    if (ids.length === 0) break;
    const wanted = new Set(ids);
    const byContract = new Map<number, string[]>();
    for (const [contractId, data] of releasesOf.all(ids[0], ids.at(-1)) as [number, string][]) {
      if (!wanted.has(contractId)) continue;
      let list = byContract.get(contractId);
      if (!list) byContract.set(contractId, (list = []));
      list.push(data);
    }
    let text = '';
    for (const id of ids) {
      const texts = byContract.get(id)!;
      const releases = texts.map((t) => JSON.parse(t) as ReleaseLike);
      text += `${first ? '' : ','}{"ocid":${JSON.stringify(releases[0]!.ocid)},"releases":[${texts.join(',')}],"compiledRelease":${JSON.stringify(compileReleases(releases))}}`;
      first = false;
    }
    yield text;
    after = ids.at(-1)!;
    if (ids.length < BATCH) break;
  }
  yield ']}';
}
