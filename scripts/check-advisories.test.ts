import { describe, expect, it } from 'vitest';
import { CHECKED, compareVersions, findVulnerable, installedVersions, loadAdvisories } from './check-advisories.mjs';

type Advisory = { package: string; id: string; affected: { introduced: string; fixed: string }[]; source: string };
const advisories = loadAdvisories() as Advisory[];
const ids = (installed: Record<string, string>) => (findVulnerable(advisories, installed) as Advisory[]).map((a) => a.id);

describe('dependency advisory check', () => {
  it('orders versions as semver does, prereleases before their release', () => {
    const sorted = ['16.0.0-beta.0', '16.0.0-beta.10', '16.0.0-rc.1', '16.0.0', '16.0.1', '16.1.0', '16.10.0'];
    for (let i = 0; i < sorted.length - 1; i++) expect(compareVersions(sorted[i], sorted[i + 1]), `${sorted[i]} < ${sorted[i + 1]}`).toBeLessThan(0);
    expect(compareVersions('4.24.15', '4.24.15')).toBe(0);
    expect(() => compareVersions('latest', '1.0.0')).toThrow();
  });

  it('flags versions inside an advisory range, with the advisory ids', () => {
    expect(ids({ next: '16.2.4' })).toEqual(expect.arrayContaining(['GHSA-267c-6grr-h53f', 'GHSA-ffhc-5mcf-pf4q', 'GHSA-p293-qw3h-jr36']));
    expect(ids({ next: '16.2.4' })).not.toContain('GHSA-9qr9-h5gf-34mp');
    expect(ids({ 'drizzle-orm': '0.45.1' })).toEqual(['GHSA-gpj5-g38j-94v9']);
    expect(ids({ 'next-auth': '4.24.14' })).toEqual(['GHSA-x445-f3h2-j279']);
    expect(ids({ react: '19.2.0' })).toEqual(['GHSA-fv66-9v8q-g76r', 'CVE-2025-55184', 'GHSA-83fc-fqcc-2hmg']);
    expect(ids({ next: '16.3.3', react: '19.2.4', 'next-auth': '4.24.15', 'drizzle-orm': '0.45.2' })).toEqual([]);
  });

  it('lists well-formed advisories for the checked packages only', () => {
    for (const a of advisories) {
      expect(CHECKED).toContain(a.package);
      expect(a.id).toMatch(/^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|CVE-\d{4}-\d{4,})$/);
      expect(a.source).toMatch(/^https:\/\//);
      for (const r of a.affected) expect(compareVersions(r.introduced, r.fixed), `${a.id} range`).toBeLessThan(0);
    }
  });

  it('passes the versions installed here', () => {
    expect(ids(installedVersions())).toEqual([]);
  });
});
