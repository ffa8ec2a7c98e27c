import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../demo/load-demo';
import { testDb } from '../testing/db';
import { packageMetadata, recordPackageChunks, releasePackageChunks } from './packages';
import { closedCodelistProblems, packageValidators } from './validate';

// The open data of the sample registry, as the Open Contracting community's tools read it: valid with the
// extension, closed codelists respected, and a history that never goes back in time.

type Release = {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  awards: { value: { amount: number } }[];
  contracts: { value: { amount: number }; amendments?: { releaseID: string; amendsReleaseID?: string }[]; implementation?: { transactions?: { date: string }[]; documents?: { datePublished?: string }[] } }[];
};

describe('OCDS of the sample registry', () => {
  const db = testDb();
  const meta = packageMetadata({ PUBLIC_URL: 'https://registry.example.gov.cn', PUBLISHER_NAME: '龙港市', PUBLISHER_CREDIT_CODE: '11330383MB00000008', OCDS_LICENSE: 'https://creativecommons.org/licenses/by/4.0/' }, '/p', '2026-11-29T00:00:00Z');
  let pkg: { releases: Release[] };
  let records: { records: unknown[] };
  let published: number;
  beforeAll(() => {
    loadDemoData(db);
    pkg = JSON.parse([...releasePackageChunks(db.$client, meta)].join(''));
    records = JSON.parse([...recordPackageChunks(db.$client, meta)].join(''));
    published = db.$client.prepare("select count(*) from contracts where status in ('active', 'suspended', 'completed', 'terminated')").pluck().get() as number;
  }, 120_000);

  it('every published contract has its record; both packages validate; closed codelists hold', () => {
    const validate = packageValidators();
    expect(records.records).toHaveLength(published);
    expect(validate.releasePackage(pkg), JSON.stringify(validate.releasePackage.errors?.slice(0, 3))).toBe(true);
    expect(validate.recordPackage(records), JSON.stringify(validate.recordPackage.errors?.slice(0, 3))).toBe(true);
    expect(pkg.releases.flatMap((r) => closedCodelistProblems(r as never))).toEqual([]);
  });

  it('nothing a release carries is dated after the release; release dates never go back; ids are unique', () => {
    const late: string[] = [];
    const back: string[] = [];
    const last = new Map<string, number>();
    for (const r of pkg.releases) {
      const at = Date.parse(r.date);
      if ((last.get(r.ocid) ?? -Infinity) > at) back.push(r.id);
      last.set(r.ocid, at);
      const c = r.contracts[0]!;
      for (const t of c.implementation?.transactions ?? []) if (Date.parse(t.date) > at) late.push(`${r.id} transaction ${t.date}`);
      for (const d of c.implementation?.documents ?? []) if (d.datePublished && Date.parse(d.datePublished) > at) late.push(`${r.id} document ${d.datePublished}`);
    }
    expect(late).toEqual([]);
    expect(back).toEqual([]);
    expect(new Set(pkg.releases.map((r) => r.id)).size).toBe(pkg.releases.length);
  });

  it('approved amendments are listed with the releases they amend, and the award keeps the awarded value', () => {
    const amended = pkg.releases.filter((r) => r.tag.includes('contractAmendment'));
    expect(amended.length).toBeGreaterThanOrEqual(2);
    for (const r of amended) {
      const entry = r.contracts[0]!.amendments!.at(-1)!;
      expect(entry.releaseID).toBe(r.id);
      expect(pkg.releases.some((p) => p.id === entry.amendsReleaseID && p.ocid === r.ocid)).toBe(true);
    }
    const valueRaised = amended.find((r) => r.contracts[0]!.value.amount !== r.awards[0]!.value.amount);
    expect(valueRaised).toBeDefined();
  });
});
