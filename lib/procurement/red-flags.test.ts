import { beforeAll, describe, expect, it } from 'vitest';
import zhejiang from '../../config/procurement/CN-ZJ.json';
import { loadDemoData } from '../demo/load-demo';
import { packageMetadata, releasePackageChunks } from '../ocds/packages';
import { procurementFigures, procurementFiguresByDepartment } from '../public/procurement-queries';
import { testDb } from '../testing/db';
import { regionRules } from './regions';

// Two of Open Contracting's red flags, computed the way an outside analyst would: from the OCDS release package
// alone (the latest release of each contract; the tender section's method, tenderer count and period; minimum
// periods read from the published configuration), with no code of the registry's rules. They must equal the
// registry's own figures.

type Release = {
  ocid: string;
  date: string;
  buyer: { name: string };
  tender: { procurementMethod?: string; procurementMethodDetails_en?: string; numberOfTenderers?: number; tenderPeriod?: { startDate: string; endDate: string } };
  contracts: { value: { amount: number }; matterCode: string }[];
};

const methodByName: Record<string, string> = {
  'Open tender': 'open_tender',
  'Invitational tender': 'invitational_tender',
  'Competitive negotiation': 'competitive_negotiation',
  'Competitive consultation': 'competitive_consultation',
  'Request for quotations': 'request_for_quotations',
  'Framework agreement': 'framework_agreement',
  'Single source': 'single_source',
};

const minimumByName: Record<string, { days: number; unit: string }> = {
  'Open tender': zhejiang.minimumPeriods.open_tender,
  'Invitational tender': zhejiang.minimumPeriods.invitational_tender,
  'Competitive negotiation': zhejiang.minimumPeriods.competitive_negotiation,
  'Competitive consultation': zhejiang.minimumPeriods.competitive_consultation,
  'Request for quotations': zhejiang.minimumPeriods.request_for_quotations,
  'Framework agreement': zhejiang.minimumPeriods.framework_agreement,
};

/** Days from start (not counted) to end, in the rule's unit, read from the package's ISO datetimes. */
function lengthOf(period: { startDate: string; endDate: string }, unit: string): number {
  const start = new Date(`${period.startDate.slice(0, 10)}T12:00:00Z`);
  const end = new Date(`${period.endDate.slice(0, 10)}T12:00:00Z`);
  let days = 0;
  for (const d = new Date(start); d < end; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (unit === 'calendar' || (d.getUTCDay() !== 0 && d.getUTCDay() !== 6)) days++;
  }
  return days;
}

describe('red flags from the OCDS package alone', () => {
  const db = testDb();
  let latest: Release[];
  beforeAll(() => {
    loadDemoData(db);
    const meta = packageMetadata({ PUBLIC_URL: 'https://registry.example.gov.cn', PUBLISHER_NAME: '龙港市', PUBLISHER_CREDIT_CODE: '11330383MB00000008', OCDS_LICENSE: 'https://creativecommons.org/licenses/by/4.0/' }, '/p', '2026-11-29T00:00:00Z');
    const pkg = JSON.parse([...releasePackageChunks(db.$client, meta)].join('')) as { releases: Release[] };
    const byOcid = new Map<string, Release>();
    for (const r of pkg.releases) if (!byOcid.has(r.ocid) || byOcid.get(r.ocid)!.date <= r.date) byOcid.set(r.ocid, r);
    latest = [...byOcid.values()];
  }, 300_000);

  it('every release says how its contractor was chosen', () => {
    expect(latest.length).toBeGreaterThan(50);
    for (const r of latest) expect(r.tender.procurementMethod, r.ocid).toMatch(/^(open|selective|limited|direct)$/);
  });

  it('single bidder and short submission period, counted from the package, equal the registry’s figures, and the sample shows some of each', () => {
    const competitive = latest.filter((r) => r.tender.procurementMethod !== 'direct');
    const singleBidder = competitive.filter((r) => r.tender.numberOfTenderers === 1);
    const shortPeriod = competitive.filter((r) => {
      const rule = minimumByName[r.tender.procurementMethodDetails_en ?? ''];
      return rule !== undefined && r.tender.tenderPeriod !== undefined && lengthOf(r.tender.tenderPeriod, rule.unit) < rule.days;
    });
    const value = (rs: Release[]) => Math.round(rs.reduce((s, r) => s + r.contracts[0]!.value.amount * 100, 0));
    const figures = procurementFigures(db.$client, regionRules('CN-ZJ'));
    expect({ contracts: singleBidder.length, valueFen: value(singleBidder) }).toEqual(figures.singleBidder);
    expect({ contracts: shortPeriod.length, valueFen: value(shortPeriod) }).toEqual(figures.shortPeriod);
    expect(figures.recorded.contracts).toBe(latest.length);
    expect(figures.singleBidder.contracts).toBeGreaterThan(0);
    expect(figures.shortPeriod.contracts).toBeGreaterThan(0);
  });

  it('value and contracts by method, per department and per matter, counted from the package, equal the registry’s figures', () => {
    const rules = regionRules('CN-ZJ');
    const departmentOfBuyer = new Map((db.$client.prepare('select name_zh, code from departments').all() as { name_zh: string; code: string }[]).map((d) => [d.name_zh, d.code]));
    const tally = (rs: Release[]) => {
      const byMethod: Record<string, { contracts: number; valueFen: number }> = Object.fromEntries(Object.values(methodByName).map((m) => [m, { contracts: 0, valueFen: 0 }]));
      for (const r of rs) {
        const m = byMethod[methodByName[r.tender.procurementMethodDetails_en!]!]!;
        m.contracts += 1;
        m.valueFen += Math.round(r.contracts[0]!.value.amount * 100);
      }
      return byMethod;
    };
    expect(procurementFigures(db.$client, rules).byMethod).toEqual(tally(latest));
    const byDepartment = procurementFiguresByDepartment(db.$client, rules);
    const departments = new Set(latest.map((r) => departmentOfBuyer.get(r.buyer.name)!));
    expect([...byDepartment.keys()].sort()).toEqual([...departments].sort());
    for (const code of departments) {
      const theirs = latest.filter((r) => departmentOfBuyer.get(r.buyer.name) === code);
      expect(byDepartment.get(code)!.byMethod, code).toEqual(tally(theirs));
      expect(procurementFigures(db.$client, rules, { departmentCode: code }).byMethod, code).toEqual(tally(theirs));
    }
    const matterCode = latest[0]!.contracts[0]!.matterCode;
    expect(procurementFigures(db.$client, rules, { matterCode }).byMethod).toEqual(tally(latest.filter((r) => r.contracts[0]!.matterCode === matterCode)));
  });
});
