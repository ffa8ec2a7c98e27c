import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { buildPublicFixture } from './public-fixture';
import { findPublicContracts, getPublicContract } from './contract-queries';
import { findPublicContractors, getPublicContractor } from './contractor-queries';
import { iterateContractRows, iterateContractorRows, iterateMatterRows } from './download-rows';
import { findPublicMatters, getPublicMatter, listPublicDepartments } from './matter-queries';
import { getPublicStats } from './stats-queries';

const f = buildPublicFixture();
const { db } = f;

/** Everything every public read returns for this registry, as one string. */
function everythingPublic(): string {
  const matterCodes = findPublicMatters(db, {}, { limit: 100 }).items.map((m) => m.code);
  const contracts = findPublicContracts(db, { limit: 100 }).items;
  const contractors = findPublicContractors(db, {}, { limit: 100 }).items;
  return JSON.stringify([
    getPublicStats(db),
    listPublicDepartments(db),
    matterCodes.map((c) => getPublicMatter(db, c)),
    contracts.map((c) => getPublicContract(db, c.reference)),
    contractors.map((c) => getPublicContractor(db, c.id)),
    [...iterateMatterRows(db.$client)],
    [...iterateContractorRows(db.$client)],
    [...iterateContractRows(db.$client)],
  ]);
}

describe('public queries: nothing unpublished or personal', () => {
  const text = everythingPublic();

  it('returns no contact details, legal representatives, users or password hashes', () => {
    for (const secret of [f.secrets.legalRepresentative, f.secrets.contactPhone, f.secrets.contactEmail, '张三', '李四', '@test.example', '$argon2']) {
      expect(text).not.toContain(secret);
    }
    for (const u of db.select({ name: users.name, email: users.email }).from(users).all()) {
      expect(text).not.toContain(`"${u.name}"`);
      expect(text).not.toContain(u.email);
    }
  });

  it('returns no returned or unreviewed work, review comments or undecided amendments', () => {
    for (const secret of [f.secrets.returnedTitle, f.secrets.returnComment, f.secrets.submittedTitle, f.secrets.pendingRationale]) expect(text).not.toContain(secret);
  });

  it('returns no draft, pending or cancelled contracts and no draft matters', () => {
    for (const c of [f.draft, f.pendingA, f.cancelled]) {
      expect(text).not.toContain(`"${c.reference}"`);
      expect(getPublicContract(db, c.reference)).toBeNull();
    }
    expect(text).not.toContain(f.secrets.draftTerms);
    expect(text).not.toContain(f.draftMatter.code);
    expect(getPublicMatter(db, f.draftMatter.code)).toBeNull();
  });

  it('does show what is published', () => {
    const contract = getPublicContract(db, f.activeA.reference)!;
    expect(contract.acceptedDeliverables.map((d) => d.title)).toEqual(['一季度报告']);
    expect(contract.payments).toEqual([{ amountFen: 10_000_00, paidOn: '2026-02-01', milestoneTitle: null }]);
    expect(contract.amendments).toHaveLength(1);
    expect(contract.amendments[0]).toMatchObject({ rationale: '增加巡查点位', previousValueFen: 5_000_000, newValueFen: 6_000_000, termsChanged: false });
    expect(contract.evaluations[0]).toMatchObject({ overallScore: 85, grade: 'good', scores: { quality: 80, timeliness: 90 } });
    expect(contract.amountPaidFen).toBe(10_000_00);
    expect(contract.milestones).toEqual([{ title: '付款', type: 'payment', dueDate: '2026-06-30', status: 'scheduled' }]);
    expect(Object.keys(contract.contractor).sort()).toEqual(['creditCode', 'id', 'kind', 'nameEn', 'nameZh']);

    const matter = getPublicMatter(db, f.matterA.code)!;
    expect(matter.serviceStatus).toBe('in_service');
    expect(matter.contracts.map((c) => c.reference).sort()).toEqual([f.activeA.reference, f.completed.reference].sort());
    expect(matter.currentContractors.map((c) => c.id)).toEqual([f.contractorX.id]);

    const z = getPublicContractor(db, f.contractorZ.id)!;
    expect(Object.keys(z).sort()).toEqual(['contracts', 'creditCode', 'evaluations', 'id', 'kind', 'nameEn', 'nameZh', 'record', 'statusReason', 'statusSince', 'verificationStatus']);
    expect(z.contracts.map((c) => c.reference)).toEqual([f.completed.reference]);
  });
});

describe('public matter search and filters', () => {
  const codes = (filter: Parameters<typeof findPublicMatters>[1]) => findPublicMatters(db, filter, { limit: 100 }).items.map((m) => m.code);

  it('finds by code, title and description in both languages, matching LIKE wildcards literally', () => {
    expect(codes({ q: 'env-001' })).toEqual(['LG-ENV-001']);
    expect(codes({ q: '污染' })).toEqual(['LG-ENV-001']);
    expect(codes({ q: 'safety' })).toEqual(['LG-SAF-001']);
    expect(codes({ q: '100%_' })).toEqual(['LG-CUL-001']);
    expect(codes({ q: '%' })).toEqual(['LG-CUL-001']);
  });

  it('filters by department, category, contractor kind and service status', () => {
    expect(codes({ department: f.deptB.code })).toEqual(['LG-CUL-001', 'LG-SAF-001']);
    expect(codes({ category: 'environment' })).toEqual(['LG-ENV-001']);
    expect(codes({ contractorKind: 'university' })).toEqual(['LG-ENV-001']);
    expect(codes({ contractorKind: 'social_organization' })).toEqual(['LG-SAF-001']);
    expect(codes({ status: 'withdrawn' })).toEqual(['LG-CUL-001']);
    expect(codes({ status: 'in_service' })).toEqual(['LG-ENV-001', 'LG-SAF-001']);
    expect(codes({ status: 'not_in_service' })).toEqual([]);
  });
});

describe('public pagination', () => {
  it('walks the matters with a keyset cursor, each once, in code order', () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = findPublicMatters(db, {}, { limit: 1, after });
      expect(page.total).toBe(3);
      seen.push(...page.items.map((m) => m.code));
      if (page.nextAfter === null) break;
      after = page.nextAfter;
    }
    expect(seen).toEqual(['LG-CUL-001', 'LG-ENV-001', 'LG-SAF-001']);
  });

  it('numbered pages agree with the cursor', () => {
    expect(findPublicMatters(db, {}, { limit: 2, offset: 2 }).items.map((m) => m.code)).toEqual(['LG-SAF-001']);
  });

  it('walks contracts and contractors and clamps the page size to 100', () => {
    const first = findPublicContracts(db, { limit: 2 });
    const second = findPublicContracts(db, { limit: 2, after: first.nextAfter! });
    expect([...first.items, ...second.items].map((c) => c.reference).sort()).toEqual([f.activeA.reference, f.activeB.reference, f.completed.reference].sort());
    expect(second.nextAfter).toBeNull();
    expect(findPublicContracts(db, { limit: 10_000 }).items).toHaveLength(3);
    const kinds = findPublicContractors(db, { kind: 'university' }).items.map((c) => c.nameEn);
    expect(kinds).toEqual(['Z University']);
  });
});

describe('public statistics', () => {
  it('counts published records only', () => {
    const s = getPublicStats(db);
    expect(s.matters).toEqual({ published: 3, listed: 2, withdrawn: 1, inService: 2 });
    expect(s.contractors.byKind).toEqual({ social_organization: 1, enterprise_institution: 1, university: 1 });
    expect(s.contracts.byStatus).toEqual({ active: 2, suspended: 0, completed: 1, terminated: 0 });
    expect(s.contracts.totalValueFen).toBe(50_000_00 + 50_000_00 + 20_000_00);
    expect(s.contracts.amountPaidFen).toBe(10_000_00);
    expect(s.deliverables.accepted).toBe(1);
    expect(s.evaluations).toEqual({ count: 1, averageScore: 85 });
    expect(s.valueByCategory).toEqual([
      { category: 'environment', contracts: 2, valueFen: 70_000_00 },
      { category: 'safety', contracts: 1, valueFen: 50_000_00 },
    ]);
    expect(s.contractsByStartYear.map((y) => y.year)).toEqual([2025, 2026]);
  });

  it('calls an accepted deliverable on time when submitted within 30 days of its period end, in Shanghai time', () => {
    const s = getPublicStats(db);
    // deliverableA covers Q1 2026 and was submitted today: on time only if today is before 1 May 2026.
    const expected = new Date().toISOString().slice(0, 10) <= '2026-04-30' ? 1 : 0;
    expect(s.deliverables.acceptedOnTime).toBe(expected);
    db.$client.prepare(`update deliverables set submitted_at = '2026-04-30T15:00:00.000Z' where id = ?`).run(f.deliverableA.id);
    expect(getPublicStats(db).deliverables.acceptedOnTime).toBe(1);
    // 00:30 on 1 May in Shanghai is one day late, though still 30 April in UTC.
    db.$client.prepare(`update deliverables set submitted_at = '2026-04-30T16:30:00.000Z' where id = ?`).run(f.deliverableA.id);
    expect(getPublicStats(db).deliverables.acceptedOnTime).toBe(0);
  });
});
