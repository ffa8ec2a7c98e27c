import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor';
import { updateContractor } from '../contractors/service';
import { decideAmendment, requestAmendment } from '../contracts/amendments';
import { draftContract, recordPayment, transitionContract } from '../contracts/service';
import { reviewDeliverable } from '../deliverables/service';
import { recordEvaluation } from '../evaluations/service';
import { withRecordedTime } from '../shared/time';
import { buildFixture } from '../testing/fixture';
import { compileReleases, type ReleaseLike } from './merge';
import { packageMetadata, recordPackageChunks, releasePackageChunks } from './packages';
import { nullRemovedFields, publishMissingReleases } from './publish';
import { closedCodelistProblems, packageValidators } from './validate';

type AnyRelease = ReleaseLike & {
  parties: { id: string; roles: string[]; identifier?: { scheme: string; id: string } }[];
  awards: { value: { amount: number } }[];
  contracts: {
    id: string;
    status: string;
    statusDetails: string;
    statusReason?: string | null;
    value: { amount: number };
    dateSigned?: string;
    amendments?: { description: string; description_en: string; amendsReleaseID?: string; releaseID: string; rationale: string }[];
    implementation?: { transactions?: { id: string; date: string }[]; documents?: { id: string }[] };
    milestones?: { status: string }[];
  }[];
  relatedProcesses?: { relationship: string[]; scheme: string; identifier: string }[];
};

const env = { PUBLIC_URL: 'https://registry.example.gov.cn', PUBLISHER_NAME: '龙港市人民政府', PUBLISHER_CREDIT_CODE: '11330383MB00000008', OCDS_LICENSE: 'https://creativecommons.org/licenses/by/4.0/' };
const meta = packageMetadata(env, '/api/public/ocds/release-package.json', '2026-11-29T00:00:00.000Z');

function releasesOf(db: ReturnType<typeof buildFixture>['db'], filter = {}) {
  return (JSON.parse([...releasePackageChunks(db.$client, meta, filter)].join('')) as { releases: AnyRelease[] }).releases;
}
const ofContract = (releases: AnyRelease[], reference: string) => releases.filter((r) => r.contracts[0]!.id === reference);
const latestOf = (db: ReturnType<typeof buildFixture>['db'], reference: string) => ofContract(releasesOf(db), reference).at(-1)!;

function emptyArrays(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [at] : value.flatMap((v, i) => emptyArrays(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => emptyArrays(v, `${at}.${k}`));
  return [];
}

/** A registry whose contracts have been through every published change. */
function busyRegistry() {
  const f = buildFixture();
  const { db, actors } = f;
  const milestoneId = db.$client.prepare('select id from milestones where contract_id = ?').pluck().get(f.activeA.id) as number;
  recordPayment(db, actors.officerA, { contractId: f.activeA.id, amountFen: 10_000_00, paidOn: '2026-02-01', milestoneId });
  reviewDeliverable(db, actors.officerA, { deliverableId: f.deliverableA.id, decision: 'accept' });
  const amendment = requestAmendment(db, actors.officerA, { contractId: f.activeA.id, rationale: '增加巡查点位', newValueFen: 60_000_00 });
  decideAmendment(db, actors.approverA, { amendmentId: amendment.id, decision: 'approve' });
  transitionContract(db, actors.officerB, { contractId: f.activeB.id, transition: 'suspend', reason: '整改期间暂停' });
  transitionContract(db, actors.officerB, { contractId: f.activeB.id, transition: 'resume' });
  transitionContract(db, actors.officerB, { contractId: f.activeB.id, transition: 'terminate', reason: '严重违约' });
  transitionContract(db, actors.officerA, { contractId: f.activeA.id, transition: 'complete' });
  const renewal = draftContract(db, actors.officerA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 55_000_00, startDate: '2027-01-01', endDate: '2027-12-31', noSubcontractDeclared: true, renewalOfId: f.activeA.id }).contract;
  transitionContract(db, actors.officerA, { contractId: renewal.id, transition: 'submit' });
  transitionContract(db, actors.approverA, { contractId: renewal.id, transition: 'approve' });
  return { ...f, renewal };
}

describe('OCDS releases: a new one for every published change, and every one kept', () => {
  it('targets and accepted results (issue 17): the first release carries the target; accepting work and an approved target amendment each publish', () => {
    const f = buildFixture();
    type WithMetrics = { agreedMetrics?: { id: string; observations: { measure: number; unit: unknown }[] }[]; implementation?: { metrics?: { id: string; observations: { measure: number }[] }[] } };
    const contractOf = (r: AnyRelease) => r.contracts[0] as unknown as WithMetrics;
    const first = contractOf(latestOf(f.db, f.activeA.reference));
    expect(first.agreedMetrics!.map((m) => [m.id, m.observations.map((o) => [o.measure, o.unit])])).toEqual([['inspections_done', [[40, { scheme: 'UNCEFACT', id: 'C62', name: 'enterprises' }]]]]);
    // The submitted deliverable's 12 is not a result yet.
    expect(first.implementation?.metrics).toBeUndefined();

    reviewDeliverable(f.db, f.actors.officerA, { deliverableId: f.deliverableA.id, decision: 'accept' });
    const accepted = latestOf(f.db, f.activeA.reference);
    expect(accepted.tag).toEqual(['implementation']);
    expect(contractOf(accepted).implementation!.metrics!.map((m) => [m.id, m.observations.map((o) => o.measure)])).toEqual([['inspections_done', [12]]]);

    const amendment = requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, rationale: '提高巡查目标', newTargets: { inspections_done: '60' } });
    const count = ofContract(releasesOf(f.db), f.activeA.reference).length;
    decideAmendment(f.db, f.actors.approverA, { amendmentId: amendment.id, decision: 'approve' });
    const amended = latestOf(f.db, f.activeA.reference);
    expect(ofContract(releasesOf(f.db), f.activeA.reference)).toHaveLength(count + 1);
    expect(amended.tag).toContain('contractAmendment');
    expect(contractOf(amended).agreedMetrics![0]!.observations.map((o) => o.measure)).toEqual([60]);
  });

  it('approval publishes the first release (award, contract); drafts and pending contracts publish nothing', () => {
    const f = buildFixture();
    const releases = releasesOf(f.db);
    expect(releases.map((r) => r.contracts[0]!.id).sort()).toEqual([f.activeA.reference, f.activeB.reference].sort());
    expect(releases.every((r) => r.tag.join() === 'award,contract')).toBe(true);
  });

  it('a payment publishes a new release with a new id and a later date; the earlier release stays as it was', () => {
    const f = buildFixture();
    const before = releasesOf(f.db);
    const first = ofContract(before, f.activeA.reference);
    withRecordedTime(new Date(Date.now() + 60_000), () => recordPayment(f.db, f.actors.officerA, { contractId: f.activeA.id, amountFen: 1_000_00, paidOn: '2026-02-01' }));
    const after = releasesOf(f.db);
    const now = ofContract(after, f.activeA.reference);
    expect(now).toHaveLength(first.length + 1);
    expect(now.slice(0, first.length)).toEqual(first);
    const latest = now.at(-1)!;
    expect(latest.id).not.toBe(first.at(-1)!.id);
    expect(Date.parse(latest.date)).toBeGreaterThan(Date.parse(first.at(-1)!.date));
    expect(latest.tag).toEqual(['implementation']);
    expect(latest.contracts[0]!.implementation!.transactions).toHaveLength(1);
    // The other contract did not change: no release for it.
    expect(ofContract(after, f.activeB.reference)).toEqual(ofContract(before, f.activeB.reference));
  });

  it('changes that publish nothing new (an evaluation, a rejected amendment, a draft) add no release', () => {
    const f = buildFixture();
    const count = releasesOf(f.db).length;
    recordEvaluation(f.db, f.actors.officerA, { contractId: f.activeA.id, evaluatorKind: 'department', periodStart: '2026-01-01', periodEnd: '2026-03-31', scores: { quality: 80 }, comment: '' });
    const a = requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, rationale: 'x', newValueFen: 70_000_00 });
    decideAmendment(f.db, f.actors.approverA, { amendmentId: a.id, decision: 'reject' });
    draftContract(f.db, f.actors.officerA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 1_00, startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true });
    expect(releasesOf(f.db)).toHaveLength(count);
  });

  it('milestones, accepted work, suspension, resumption, completion and termination each publish with the right tag', () => {
    const f = busyRegistry();
    const a = ofContract(releasesOf(f.db), f.activeA.reference);
    expect(a.map((r) => r.tag.join())).toEqual(['award,contract', 'implementation', 'implementation', 'contractAmendment', 'contractTermination']);
    expect(a[1]!.contracts[0]!.milestones![0]!.status).toBe('met');
    expect(a[2]!.contracts[0]!.implementation!.documents).toHaveLength(1);
    const b = ofContract(releasesOf(f.db), f.activeB.reference);
    expect(b.map((r) => r.tag.join())).toEqual(['award,contract', 'contractUpdate', 'contractUpdate', 'contractTermination']);
    expect(b.map((r) => [r.contracts[0]!.status, r.contracts[0]!.statusDetails])).toEqual([
      ['active', 'active'],
      ['active', 'suspended'],
      ['active', 'active'],
      ['terminated', 'terminated'],
    ]);
    expect(b[1]!.contracts[0]!.statusReason).toBe('整改期间暂停');
    // Resuming removes the reason: an explicit null, so that compiling drops it.
    expect(b[2]!.contracts[0]!.statusReason).toBeNull();
    expect(b[3]!.contracts[0]!.statusReason).toBe('严重违约');
    expect(a.at(-1)!.contracts[0]!.statusDetails).toBe('completed');
    expect(a.at(-1)!.contracts[0]!.status).toBe('terminated');
  });

  it('an approved amendment keeps the award value, changes the contract value, and is listed with its release ids and only what changed', () => {
    const f = busyRegistry();
    const a = ofContract(releasesOf(f.db), f.activeA.reference);
    const amended = a.find((r) => r.tag.includes('contractAmendment'))!;
    const before = a[a.indexOf(amended) - 1]!;
    expect(amended.awards[0]!.value.amount).toBe(50_000);
    expect(amended.contracts[0]!.value.amount).toBe(60_000);
    const [entry] = amended.contracts[0]!.amendments!;
    expect(entry).toMatchObject({ rationale: '增加巡查点位', releaseID: amended.id, amendsReleaseID: before.id });
    expect(entry!.description_en).toBe('Value changed from CNY 50,000.00 to CNY 60,000.00.');
    expect(entry!.description).toBe('合同金额由 50,000.00 元变更为 60,000.00 元。');
    // Later releases carry the same entry unchanged.
    expect(a.at(-1)!.contracts[0]!.amendments).toEqual(amended.contracts[0]!.amendments);
  });

  it('a renewal points at the contract it renews (relatedProcesses, prior, by ocid)', () => {
    const f = busyRegistry();
    const r = latestOf(f.db, f.renewal.reference);
    expect(r.relatedProcesses).toEqual([{ id: 'prior-1', relationship: ['prior'], title: f.activeA.reference, scheme: 'ocid', identifier: `ocds-lg0000-${f.activeA.reference}` }]);
  });

  it('buyers and suppliers are identified by their credit codes; no empty arrays; dates carry +08:00', () => {
    const f = busyRegistry();
    f.db.$client.prepare("update departments set credit_code = '11330383MB00000008' where id = ?").run(f.deptA.id);
    const before = releasesOf(f.db).length;
    updateContractor(f.db, systemActor('test'), { contractorId: f.contractorX.id, nameZh: '甲公司', nameEn: 'X Company', kind: 'enterprise_institution', legalRepresentative: '张三' });
    // A renamed supplier is a change to what its published contracts say: each gets a new release.
    expect(releasesOf(f.db).length).toBe(before + 2);
    const r = latestOf(f.db, f.renewal.reference);
    expect(r.parties[1]).toMatchObject({ name_en: 'X Company' });
    expect(r.tag).toEqual(['contractUpdate']);
    expect(r.parties[0]!.identifier).toMatchObject({ scheme: 'CN-USCC', id: '11330383MB00000008' });
    expect(r.parties[0]!.id).toBe('CN-USCC-11330383MB00000008');
    expect(r.parties[1]!.id).toBe(`CN-USCC-${f.contractorX.creditCode}`);
    for (const release of releasesOf(f.db)) {
      expect(emptyArrays(release)).toEqual([]);
      for (const date of JSON.stringify(release).match(/"(date|dateSigned|datePublished|statusDate|startDate|endDate|dueDate)":"[^"]+"/g) ?? []) expect(date).toMatch(/\+08:00"$/);
    }
  });

  it('the approval date is the Beijing date of the real instant (an approval before 08:00 Beijing time is not the day before)', () => {
    const f = buildFixture();
    const c = draftContract(f.db, f.actors.officerA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 1_000_00, startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true }).contract;
    transitionContract(f.db, f.actors.officerA, { contractId: c.id, transition: 'submit' });
    withRecordedTime(new Date('2026-03-01T23:30:00Z'), () => transitionContract(f.db, f.actors.approverA, { contractId: c.id, transition: 'approve' }));
    expect(latestOf(f.db, c.reference).contracts[0]!.dateSigned).toBe('2026-03-02T07:30:00+08:00');
  });

  it('no transaction, document or amendment is dated after the release that carries it; release dates never go back', () => {
    const f = busyRegistry();
    const byOcid = new Map<string, AnyRelease[]>();
    for (const r of releasesOf(f.db)) byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r]);
    for (const list of byOcid.values()) {
      for (let i = 1; i < list.length; i++) expect(Date.parse(list[i]!.date)).toBeGreaterThanOrEqual(Date.parse(list[i - 1]!.date));
      for (const r of list) for (const t of r.contracts[0]!.implementation?.transactions ?? []) expect(Date.parse(t.date)).toBeLessThanOrEqual(Date.parse(r.date));
    }
  });

  it('since= gives only the releases published after the instant', () => {
    const f = buildFixture();
    const cut = new Date(Date.now() + 3_600_000);
    withRecordedTime(new Date(cut.getTime() + 1000), () => recordPayment(f.db, f.actors.officerA, { contractId: f.activeA.id, amountFen: 1_000_00, paidOn: '2026-02-01' }));
    const recent = releasesOf(f.db, { since: cut.toISOString() });
    expect(recent.map((r) => r.tag.join())).toEqual(['implementation']);
  });
});

describe('OCDS packages validate as the community tools check them', () => {
  const f = busyRegistry();
  const releasePackage = JSON.parse([...releasePackageChunks(f.db.$client, meta)].join(''));
  const recordPackage = JSON.parse([...recordPackageChunks(f.db.$client, { ...meta, uri: `${env.PUBLIC_URL}/api/public/ocds/record-package.json` })].join(''));
  const validate = packageValidators();

  it('the release package validates against 1.1.5 patched with the registry extension', () => {
    const ok = validate.releasePackage(releasePackage);
    expect(validate.releasePackage.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the record package validates too', () => {
    const ok = validate.recordPackage(recordPackage);
    expect(validate.recordPackage.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the check is not vacuous: a registry status outside the extension, or an unknown field type, fails', () => {
    const broken = structuredClone(releasePackage);
    broken.releases[0].contracts[0].statusDetails = 'paused';
    expect(validate.releasePackage(broken)).toBe(false);
    const noLicense = structuredClone(releasePackage);
    noLicense.license = 'not a url';
    expect(validate.releasePackage(noLicense)).toBe(false);
  });

  it('every code under a closed codelist is one of its codes, and the check finds one that is not', () => {
    for (const r of releasePackage.releases) expect(closedCodelistProblems(r)).toEqual([]);
    const broken = structuredClone(releasePackage.releases[0]);
    broken.contracts[0].value.currency = 'RMB';
    broken.tag = ['award', 'published'];
    expect(closedCodelistProblems(broken)).toEqual(['.tag: published (releaseTag.csv)', '.contracts[0].value.currency: RMB (currency.csv)']);
  });

  it('package metadata: uri, licence, publication policy and publisher from configuration, never the request', () => {
    expect(releasePackage).toMatchObject({
      uri: 'https://registry.example.gov.cn/api/public/ocds/release-package.json',
      license: env.OCDS_LICENSE,
      publicationPolicy: 'https://registry.example.gov.cn/zh-CN/publication-policy',
      publisher: { name: '龙港市人民政府', scheme: 'CN-USCC', uid: '11330383MB00000008' },
      extensions: ['https://registry.example.gov.cn/api/public/ocds/extension/extension.json', 'https://registry.example.gov.cn/api/public/ocds/metrics-extension/extension.json'],
    });
  });

  it("each record holds every release of its ocid, and its compiled release is the latest state (removed fields gone)", () => {
    expect(recordPackage.records).toHaveLength(3);
    for (const record of recordPackage.records) {
      const releases = releasePackage.releases.filter((r: AnyRelease) => r.ocid === record.ocid);
      expect(record.releases).toEqual(releases);
      const latest = { ...releases.at(-1) };
      for (const key of ['id', 'date', 'tag']) delete latest[key];
      const { id, date, tag, ...compiled } = record.compiledRelease;
      expect(tag).toEqual(['compiled']);
      expect(date).toBe(releases.at(-1).date);
      expect(id).not.toBe(releases.at(-1).id);
      expect(compiled).toEqual(JSON.parse(JSON.stringify(latest, (_k, v) => (v === null ? undefined : v))));
    }
  });
});

describe('compiling and removing', () => {
  it('merges objects by field, id-arrays by id, replaces other arrays, and a null removes a field', () => {
    const r = (id: string, date: string, body: object) => ({ ocid: 'o', id, date, tag: ['x'], ...body }) as ReleaseLike;
    const compiled = compileReleases([
      r('o-2', '2026-01-02T00:00:00+08:00', { a: { b: null, c: 2 }, list: [{ id: '1', v: 'new' }], tags: ['q'] }),
      r('o-1', '2026-01-01T00:00:00+08:00', { a: { b: 1 }, list: [{ id: '1', v: 'old', w: 1 }, { id: '2' }], tags: ['p', 'r'] }),
    ]);
    expect(compiled).toEqual({ ocid: 'o', id: 'o-compiled-2', date: '2026-01-02T00:00:00+08:00', tag: ['compiled'], a: { c: 2 }, list: [{ id: '1', v: 'new', w: 1 }, { id: '2' }], tags: ['q'] });
  });

  it('nullRemovedFields marks what the previous release had and this one lacks, inside id-matched items too', () => {
    const next = { a: 1, items: [{ id: 'x', keep: 1 }] } as Record<string, unknown>;
    nullRemovedFields({ a: 1, gone: 'y', items: [{ id: 'x', keep: 1, reason: 'r' }] }, next);
    expect(next).toEqual({ a: 1, gone: null, items: [{ id: 'x', keep: 1, reason: null }] });
  });
});

describe('a database from before releases were kept', () => {
  it('publishMissingReleases gives each published contract without a release its first one, once', () => {
    const f = busyRegistry();
    const published = releasesOf(f.db).length;
    // As if written row by row without the publishing step (the synthetic registry, an older database).
    const c = draftContract(f.db, f.actors.officerB, { matterId: f.matterB.id, contractorId: f.contractorY.id, valueFen: 1_000_00, startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true }).contract;
    f.db.$client.prepare("update contracts set status = 'active', approved_at = ? where id = ?").run(new Date().toISOString(), c.id);
    expect(publishMissingReleases(f.db.$client)).toBe(1);
    expect(publishMissingReleases(f.db.$client)).toBe(0);
    const all = releasesOf(f.db);
    expect(all).toHaveLength(published + 1);
    expect(latestOf(f.db, c.reference).tag).toEqual(['award', 'contract']);
  });
});
