import { describe, expect, it } from 'vitest';
import { buildFixture } from '../testing/fixture';
import { expectNoFullScans, plansOf } from '../testing/query-plans';
import { recordPackageChunks, releasePackageChunks } from './packages';
import { publishMissingReleases } from './publish';
import { readContractSnapshots } from './snapshot';

// The OCDS files and the release builder read by key: a release, a record or a batch costs the same in a
// registry of every county as in the sample.

describe('query plans of the open-data files', () => {
  const f = buildFixture();
  const { db } = f;
  const all = (chunks: Iterable<string>) => [...chunks].join('');

  it('release package (all, since, one ocid) walks ocds_releases by an index', () => {
    const plans = plansOf(db, () => {
      all(releasePackageChunks(db.$client, {}));
      all(releasePackageChunks(db.$client, {}, { since: '2026-01-01T00:00:00.000Z' }));
      all(releasePackageChunks(db.$client, {}, { ocid: `ocds-lg0000-${f.activeA.reference}` }));
    });
    expectNoFullScans(plans);
    expect(plans.map((p) => p.plan.join(' ')).join('\n')).toMatch(/ocds_releases_published_at_idx/);
    expect(plans.map((p) => p.plan.join(' ')).join('\n')).toMatch(/ocds_releases_ocid_idx/);
  });

  it('record package, snapshots and the backfill read contracts and their children by id range', () => {
    // A connection of its own: the snapshot statements are prepared once per connection.
    const fresh = buildFixture();
    expectNoFullScans(
      plansOf(fresh.db, () => {
        all(recordPackageChunks(fresh.db.$client, {}));
        all(recordPackageChunks(fresh.db.$client, {}, { since: '2026-01-01T00:00:00.000Z' }));
        readContractSnapshots(fresh.db.$client, 0, Number.MAX_SAFE_INTEGER, 500);
        publishMissingReleases(fresh.db.$client);
      }),
    );
  });
});
