import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { closedCodelistProblems, extensionReleaseSchemas, packageValidators } from '../../lib/ocds/validate';
import { fetchAll, openRegistry } from './registry';

test.describe('open-data API', () => {
  test('lists walk with an opaque cursor, every item once', async ({ request }) => {
    const db = openRegistry();
    const counts = db
      .prepare(
        `select (select count(*) from matters where catalogue_status in ('listed', 'withdrawn')) as matters,
                (select count(*) from contractors) as contractors,
                (select count(*) from contracts where status in ('active', 'suspended', 'completed', 'terminated')) as contracts`,
      )
      .get() as { matters: number; contractors: number; contracts: number };
    db.close();
    const matters = await fetchAll<{ code: string }>(request, '/api/public/matters');
    expect(new Set(matters.items.map((m) => m.code)).size).toBe(counts.matters);
    const contractors = await fetchAll<{ id: number }>(request, '/api/public/contractors');
    expect(new Set(contractors.items.map((c) => c.id)).size).toBe(counts.contractors);
    // Small pages, so the walk crosses several cursors whatever the size of the sample.
    const contracts = await fetchAll<{ reference: string }>(request, '/api/public/contracts', 25);
    expect(contracts.bodies.length).toBeGreaterThan(1);
    expect(new Set(contracts.items.map((c) => c.reference)).size).toBe(counts.contracts);

    const small = (await (await request.get('/api/public/matters?limit=2')).json()) as { items: unknown[]; nextCursor: string; total: number };
    expect(small.items).toHaveLength(2);
    expect(small.total).toBe(counts.matters);
    const next = (await (await request.get(`/api/public/matters?limit=2&cursor=${small.nextCursor}`)).json()) as { items: { code: string }[] };
    expect(next.items).toHaveLength(2);
  });

  test('invalid parameters answer 400, unknown records 404', async ({ request }) => {
    for (const url of ['/api/public/matters?limit=101', '/api/public/matters?limit=0', '/api/public/contracts?cursor=nonsense', '/api/public/matters?status=asleep', '/api/public/contractors?kind=guild']) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBeTruthy();
    }
    for (const url of ['/api/public/matters/LG-NOPE-001', '/api/public/contractors/999999', '/api/public/contracts/LG-1999-0001', '/api/public/downloads/users.csv']) {
      expect((await request.get(url)).status(), url).toBe(404);
    }
  });

  test('filters match the pages', async ({ request }) => {
    const res = (await (await request.get('/api/public/matters?category=environment&status=in_service&limit=100')).json()) as { items: { code: string; serviceStatus: string }[] };
    expect(res.items.length).toBeGreaterThan(0);
    for (const m of res.items) {
      expect(m.code).toMatch(/^LG-ENV-/);
      expect(m.serviceStatus).toBe('in_service');
    }
  });

  test('stats include counts by contractor kind', async ({ request }) => {
    const stats = (await (await request.get('/api/public/stats')).json()) as { contractors: { byKind: Record<string, number> } };
    expect(stats.contractors.byKind).toEqual({ social_organization: 17, enterprise_institution: 59, university: 6 });
  });

  test('CSV downloads are UTF-8 with a BOM and agree with the API; JSON downloads are arrays', async ({ request }) => {
    const matters = await fetchAll<{ code: string }>(request, '/api/public/matters');
    for (const name of ['matters', 'contractors', 'contracts']) {
      const csv = await request.get(`/api/public/downloads/${name}.csv`);
      expect(csv.headers()['content-type']).toContain('text/csv');
      const body = await csv.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(body.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
      const json = (await (await request.get(`/api/public/downloads/${name}.json`)).json()) as Record<string, unknown>[];
      expect(rows.length).toBe(json.length);
      if (name === 'matters') expect(rows.map((r) => r.code).sort()).toEqual(matters.items.map((m) => m.code).sort());
    }
  });

  test('the OCDS release and record packages from the running app validate against 1.1.5 with the registry and Metrics extensions', async ({ request }) => {
    const validate = packageValidators();
    const res = await request.get('/api/public/ocds/release-package.json?utm=echo');
    expect(res.ok()).toBe(true);
    const pkg = (await res.json()) as { uri: string; extensions: string[]; releases: { ocid: string; id: string }[] };
    expect(validate.releasePackage(pkg), JSON.stringify(validate.releasePackage.errors?.slice(0, 5))).toBe(true);
    for (const r of pkg.releases) expect(closedCodelistProblems(r as never)).toEqual([]);
    // The package names itself from the configured public address, without the request's query string.
    expect(pkg.uri).toMatch(/\/api\/public\/ocds\/release-package\.json$/);
    expect(new Set(pkg.releases.map((r) => r.id)).size).toBe(pkg.releases.length);
    // Small pages, so the walk crosses several cursors whatever the size of the sample.
    const contracts = await fetchAll<{ reference: string }>(request, '/api/public/contracts', 25);
    const ocids = contracts.items.map((c) => `ocds-lg0000-${c.reference}`).sort();
    expect([...new Set(pkg.releases.map((r) => r.ocid))].sort()).toEqual(ocids);

    const records = (await (await request.get('/api/public/ocds/record-package.json')).json()) as { records: { ocid: string }[] };
    expect(validate.recordPackage(records), JSON.stringify(validate.recordPackage.errors?.slice(0, 5))).toBe(true);
    expect(records.records.map((r) => r.ocid).sort()).toEqual(ocids);

    const one = await request.get(`/api/public/ocds/releases/${encodeURIComponent(ocids[0]!)}`);
    const onePkg = (await one.json()) as { releases: { ocid: string }[] };
    expect(onePkg.releases.length).toBeGreaterThan(0);
    expect(onePkg.releases.every((r) => r.ocid === ocids[0])).toBe(true);
    expect((await request.get('/api/public/ocds/releases/ocds-lg0000-NOPE')).status()).toBe(404);
    expect((await request.get('/api/public/ocds/release-package.json?since=yesterday')).status()).toBe(400);

    // Every extension the package lists (the registry's, then Metrics) is served here, and its release schema
    // is the one the validation above patched in.
    expect(pkg.extensions.map((u) => u.replace(/^https?:\/\/[^/]+/, ''))).toEqual(['/api/public/ocds/extension/extension.json', '/api/public/ocds/metrics-extension/extension.json']);
    for (const [i, url] of pkg.extensions.entries()) {
      const path = url.replace(/^https?:\/\/[^/]+/, '');
      const extension = await request.get(path);
      expect(((await extension.json()) as { schemas: string[] }).schemas).toEqual(['release-schema.json']);
      expect(await (await request.get(path.replace(/extension\.json$/, 'release-schema.json'))).json()).toEqual(extensionReleaseSchemas[i]);
    }
  });
});
