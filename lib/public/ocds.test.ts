import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import packageSchema from './fixtures/ocds/1.1.5/release-package-schema.json';
import releaseSchema from './fixtures/ocds/1.1.5/release-schema.json';
import fc from 'fast-check';
import { contractorKinds, matterCategories, milestoneStatuses, milestoneTypes } from '../domain/enums';
import type { PublishedContractStatus } from './dto';
import { ocdsReleaseJson, releasePackageChunks, toOcdsRelease, type OcdsRelease } from './ocds';
import { buildPublicFixture } from './public-fixture';

const options = { prefix: 'ocds-lg0000-', publisher: 'Longgang outsourcing registry', uri: 'http://localhost/api/public/ocds/release-package.json', publishedDate: '2026-11-27T08:00:00Z' };

function validator() {
  // The OCDS schema carries its own annotation keywords (codelist, openCodelist, deprecated…): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(releaseSchema);
  return ajv.compile(packageSchema);
}

describe('OCDS 1.1.5 release package', () => {
  const f = buildPublicFixture();
  const text = [...releasePackageChunks(f.db, options, 2)].join('');
  const pkg = JSON.parse(text) as { releases: OcdsRelease[] };

  it('validates against the official release package schema', () => {
    const validate = validator();
    const ok = validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is not vacuous: a wrong contract status fails', () => {
    const validate = validator();
    const broken = structuredClone(pkg);
    (broken.releases[0]!.contracts[0] as { status: string }).status = 'suspended';
    expect(validate(broken)).toBe(false);
  });

  it('has one release per published contract, read in pages', () => {
    expect(pkg.releases.map((r) => r.ocid).sort()).toEqual([f.activeA, f.activeB, f.completed].map((c) => `ocds-lg0000-${c.reference}`).sort());
  });

  it('maps parties, value in yuan, status, milestones, payments, amendments and the extension fields', () => {
    const r = pkg.releases.find((x) => x.ocid.endsWith(f.activeA.reference))!;
    expect(r.parties.map((p) => p.roles)).toEqual([['buyer', 'procuringEntity', 'payer'], ['supplier', 'payee']]);
    expect(r.parties[1]).toHaveProperty('details', { contractorKind: 'enterprise_institution' });
    expect(r.parties[1]!.identifier.scheme).toEqual('CN-USCC');
    const c = r.contracts[0]!;
    expect(c.value).toEqual({ amount: 50_000, currency: 'CNY' });
    expect(c.status).toBe('active');
    expect(c.period).toEqual({ startDate: '2026-01-01T00:00:00+08:00', endDate: '2026-12-31T23:59:59+08:00' });
    expect(c.milestones).toEqual([{ id: `${f.activeA.reference}-m1`, title: '付款', type: 'payment', dueDate: '2026-06-30T23:59:59+08:00', status: 'scheduled' }]);
    expect(c.implementation.transactions.map((t) => t.value)).toEqual([{ amount: 10_000, currency: 'CNY' }]);
    expect(c.amendments.map((a) => a.rationale)).toEqual(['增加巡查点位']);
    expect(c.matterCode).toBe('LG-ENV-001');
    const done = pkg.releases.find((x) => x.ocid.endsWith(f.completed.reference))!;
    expect(done.contracts[0]!.status).toBe('terminated');
    expect(done.tag).toContain('contractTermination');
  });

  it('carries nothing personal', () => {
    for (const secret of Object.values(f.secrets)) expect(text).not.toContain(secret);
  });
});

describe('the OCDS release writer', () => {
  const text = fc.string({ unit: 'binary' });
  const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const fen = fc.integer({ min: 0, max: 1e12 });
  const release = fc.record({
    reference: text,
    status: fc.constantFrom('active', 'suspended', 'completed', 'terminated') as fc.Arbitrary<PublishedContractStatus>,
    valueFen: fen,
    startDate: day,
    endDate: day,
    matter: fc.record({ code: text, titleZh: text, titleEn: text, category: fc.constantFrom(...matterCategories) }),
    department: fc.record({ code: text, nameZh: text, nameEn: text }),
    contractor: fc.record({ id: fc.integer({ min: 1, max: 1e7 }), nameZh: text, nameEn: text, kind: fc.constantFrom(...contractorKinds), creditCode: text }),
    approvedOn: fc.option(day, { nil: null }),
    lastUpdated: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    milestones: fc.array(fc.record({ title: text, type: fc.constantFrom(...milestoneTypes), dueDate: day, status: fc.constantFrom(...milestoneStatuses) }), { maxLength: 3 }),
    payments: fc.array(fc.record({ amountFen: fen, paidOn: day, milestoneTitle: fc.option(text, { nil: null }) }), { maxLength: 3 }),
    amendments: fc.array(
      fc.record({ rationale: text, previousValueFen: fen, newValueFen: fen, previousEndDate: day, newEndDate: day, termsChanged: fc.boolean(), approvedOn: fc.option(day, { nil: null }) }),
      { maxLength: 2 },
    ),
  });

  it('writes exactly JSON.stringify of the release object', () => {
    fc.assert(
      fc.property(release, text, (c, prefix) => {
        expect(ocdsReleaseJson(c, prefix)).toBe(JSON.stringify(toOcdsRelease(c, prefix)));
      }),
      { numRuns: 1000 },
    );
  });
});
