// The authorization matrix: every role (and the signed-out public) × every server action × a resource
// in scope and one out of scope, calling the actions directly as a forged request would. Every refused
// call must leave the database exactly as it was; any unauthorized success fails the test.
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { requestAmendment } from '@/lib/contracts/amendments';
import { draftContract } from '@/lib/contracts/service';
import { assignEvaluator } from '@/lib/evaluations/assignments';
import { submitErrorReport } from '@/lib/reports/service';
import { addIndicator } from '@/lib/results/service';
import { milestones } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { consequencesOf, type ConfirmSubject } from '@/lib/confirm/consequences';
import { apiDir, findFilesNamed, loadServerActions } from '@/lib/testing/app-modules';
import { buildFixture, FIXTURE_PASSWORD, snapshot, type Fixture } from '@/lib/testing/fixture';
import { temporaryUploadDir, uploadRequest } from '@/lib/testing/uploads';

const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
vi.mock('@/lib/auth/current', () => mocks.authCurrentMock());
vi.mock('@/db/client', (original) => mocks.dbClientMock(original));
// Uploads go to a temporary folder (the environment is read once and cached, so it is mocked, not set).
vi.mock('@/lib/env', (original) => mocks.envMock(original));
vi.mock('next/cache', () => mocks.nextCacheMock());
vi.mock('next/headers', () => mocks.nextHeadersMock());

type Scope = 'in' | 'out';
type Entry = {
  /** Prepares records the call needs (runs before the database snapshot). */
  setup?: (f: Fixture) => void;
  /** Builds the form for a resource in or out of the caller's scope. */
  form: (f: Fixture, scope: Scope, who: Actor | null) => Record<string, string>;
  /** Files to attach to the form. */
  files?: () => File[];
  /** Whether this caller may succeed on that resource. */
  allowed: (who: Actor | null, scope: Scope) => boolean;
};

const adminOnly = (who: Actor | null) => who?.role === 'admin';

/** The confirmation an irreversible step needs (lib/confirm): the token of its consequences as they are. */
const tokenFor = (f: Fixture, subject: ConfirmSubject, step: string, id: number) => consequencesOf(f.db, systemActor('matrix'), subject, step, id).token;
const departmentStaff = (who: Actor | null, scope: Scope) => (who?.role === 'officer' || who?.role === 'approver') && scope === 'in';

/** The caller's department's record when in scope, the other department's when out. */
function side<T>(f: Fixture, who: Actor | null, scope: Scope, a: T, b: T): T {
  const mineIsB = who?.departmentId === f.deptB.id;
  return (scope === 'in') !== mineIsB ? a : b;
}
const amendmentIds = new WeakMap<Fixture, { a: number; b: number }>();
const draftIds = new WeakMap<Fixture, { a: number; b: number }>();
const milestoneIds = new WeakMap<Fixture, { a: number; b: number }>();
const indicatorIds = new WeakMap<Fixture, { a: number; b: number }>();

/** For contractors: their own organization's record when in scope, the other organization's when out. */
function ownSide<T>(f: Fixture, who: Actor | null, scope: Scope, x: T, y: T): T {
  const mineIsY = who?.contractorId === f.contractorY.id;
  return (scope === 'in') !== mineIsY ? x : y;
}
const ownContractor = (who: Actor | null, scope: Scope) => who?.role === 'contractor' && scope === 'in';

/** Every exported server action, and who may use it. A new action without an entry fails the test. */
const matrix: Record<string, Entry> = {
  'admin/users#createUserAction': {
    form: (_f, scope) => ({ email: `new.${scope}@test.example`, name: 'New', role: 'auditor', departmentId: '', contractorId: '' }),
    allowed: adminOnly,
  },
  'admin/users#updateUserAction': {
    form: (f, scope) => {
      const target = scope === 'in' ? f.actors.officerA : f.actors.officerB;
      return { userId: String(target.id), name: 'Renamed', role: 'officer', departmentId: String(target.departmentId), contractorId: '' };
    },
    allowed: adminOnly,
  },
  'admin/users#setUserDisabledAction': {
    form: (f, scope) => {
      const userId = (scope === 'in' ? f.actors.contractorX : f.actors.contractorY).id!;
      return { userId: String(userId), disabled: 'true', confirmation: tokenFor(f, 'user', 'disable', userId) };
    },
    allowed: adminOnly,
  },
  'admin/users#resetPasswordAction': {
    form: (f, scope) => ({ userId: String((scope === 'in' ? f.actors.evaluator : f.actors.auditor).id) }),
    allowed: adminOnly,
  },
  'desk/contracts#draftContractAction': {
    form: (f, scope, who) => ({
      matterId: String(side(f, who, scope, f.matterA, f.matterB).id),
      contractorId: String(side(f, who, scope, f.contractorX, f.contractorY).id),
      valueFen: '1000',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      noSubcontractDeclared: 'on',
      'procurement.method': 'single_source',
      'procurement.singleSourceGround': 'only_one_supplier',
      'procurement.justification': '唯一具备资质的机构',
    }),
    allowed: departmentStaff,
  },
  'desk/contracts#transitionContractAction': {
    form: (f, scope, who) => {
      const id = side(f, who, scope, f.activeA, f.activeB).id;
      return { contractId: String(id), transition: 'suspend', reason: '检查', expectedStatus: 'active', confirmation: tokenFor(f, 'contract', 'suspend', id) };
    },
    allowed: departmentStaff,
  },
  'desk/contracts#editDraftContractAction': {
    setup: (f) => {
      const draft = (who: Actor, matterId: number, contractorId: number) =>
        draftContract(f.db, who, { matterId, contractorId, valueFen: 1000_00, startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true }).contract.id;
      draftIds.set(f, { a: draft(f.actors.officerA, f.matterA.id, f.contractorX.id), b: draft(f.actors.officerB, f.matterB.id, f.contractorY.id) });
    },
    form: (f, scope, who) => ({
      contractId: String(side(f, who, scope, draftIds.get(f)!.a, draftIds.get(f)!.b)),
      matterId: String(side(f, who, scope, f.matterA, f.matterB).id),
      contractorId: String(side(f, who, scope, f.contractorX, f.contractorY).id),
      valueFen: '2000',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      noSubcontractDeclared: 'on',
      'procurement.method': 'single_source',
      'procurement.singleSourceGround': 'only_one_supplier',
      'procurement.justification': '唯一具备资质的机构',
    }),
    allowed: departmentStaff,
  },
  'desk/contracts#recordPaymentAction': {
    form: (f, scope, who) => ({ contractId: String(side(f, who, scope, f.activeA, f.activeB).id), amountFen: '100.50', paidOn: '2026-07-01' }),
    allowed: departmentStaff,
  },
  'desk/contracts#requestAmendmentAction': {
    form: (f, scope, who) => ({ contractId: String(side(f, who, scope, f.activeA, f.activeB).id), newValueFen: '60000', rationale: '扩大范围' }),
    allowed: departmentStaff,
  },
  'desk/contracts#decideAmendmentAction': {
    setup: (f) => {
      const a = requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, newValueFen: 60_000_00, rationale: '扩大范围' });
      const b = requestAmendment(f.db, f.actors.officerB, { contractId: f.activeB.id, newValueFen: 60_000_00, rationale: '扩大范围' });
      amendmentIds.set(f, { a: a.id, b: b.id });
    },
    form: (f, scope, who) => ({ amendmentId: String(side(f, who, scope, amendmentIds.get(f)!.a, amendmentIds.get(f)!.b)), decision: 'approve' }),
    allowed: (who, scope) => who?.role === 'approver' && scope === 'in',
  },
  // Everyone signed in marks their own notifications read; nobody else's can be named (lib/notifications/service.ts).
  'notifications#markNotificationsReadAction': {
    form: (f, scope): Record<string, string> => (scope === 'in' ? { all: '1' } : { key: `event:${f.db.$client.prepare(`select max(seq) from audit_events where action = 'contract.approved'`).pluck().get()}` }),
    allowed: (who) => who !== null,
  },
  'desk/deliverables#submitDeliverableAction': {
    form: (f, scope, who) => ({
      contractId: String(ownSide(f, who, scope, f.activeA, f.activeB).id),
      title: '二季度报告',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      // Matter A has the indicator (lib/testing/fixture.ts); matter B has none, so none is sent there.
      ...(ownSide(f, who, scope, f.activeA, f.activeB).id === f.activeA.id ? { result_inspections_done: '120' } : {}),
    }),
    allowed: ownContractor,
  },
  'desk/deliverables#reviewDeliverableAction': {
    form: (f, scope, who) => ({ deliverableId: String(side(f, who, scope, f.deliverableA, f.deliverableB).id), decision: 'return', comment: '请补充照片' }),
    allowed: departmentStaff,
  },
  'desk/deliverables#setMilestoneStatusAction': {
    setup: (f) => {
      const a = f.db.select({ id: milestones.id }).from(milestones).all()[0]!.id;
      const now = new Date().toISOString();
      const b = f.db.insert(milestones).values({ contractId: f.activeB.id, title: '中期', type: 'delivery', dueDate: '2026-06-30', createdAt: now, updatedAt: now }).returning().get().id;
      milestoneIds.set(f, { a, b });
    },
    form: (f, scope, who) => ({ milestoneId: String(side(f, who, scope, milestoneIds.get(f)!.a, milestoneIds.get(f)!.b)), status: 'met' }),
    allowed: departmentStaff,
  },
  'evaluations#recordEvaluationAction': {
    setup: (f) => {
      assignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id });
    },
    form: (f, scope, who) => ({
      contractId: String((who?.role === 'evaluator' ? (scope === 'in' ? f.activeA : f.activeB) : side(f, who, scope, f.activeA, f.activeB)).id),
      evaluatorKind: who?.role === 'evaluator' ? 'third_party' : 'department',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      'scores.0.name': 'quality',
      'scores.0.value': '88',
    }),
    allowed: (who, scope) => departmentStaff(who, scope) || (who?.role === 'evaluator' && scope === 'in'),
  },
  'admin/evaluators#assignEvaluatorAction': {
    form: (f, scope) => ({ contractId: String((scope === 'in' ? f.activeA : f.activeB).id), userId: String(f.actors.evaluator.id) }),
    allowed: adminOnly,
  },
  'admin/evaluators#unassignEvaluatorAction': {
    setup: (f) => {
      assignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id });
      assignEvaluator(f.db, f.actors.admin, { contractId: f.activeB.id, userId: f.actors.evaluator.id });
    },
    form: (f, scope) => ({ contractId: String((scope === 'in' ? f.activeA : f.activeB).id), userId: String(f.actors.evaluator.id) }),
    allowed: adminOnly,
  },
  'desk/matters#createMatterAction': {
    form: (_f, scope) => ({ code: `LG-NEW-${scope === 'in' ? '101' : '102'}`, titleZh: '新事项', titleEn: 'New matter', category: 'safety', annualBudgetFen: '1000', departmentId: '1' }),
    // Officers create in their own department (the form cannot choose another); admins anywhere.
    allowed: (who) => who?.role === 'admin' || who?.role === 'officer' || who?.role === 'approver',
  },
  'desk/matters#updateMatterAction': {
    form: (f, scope, who) => ({ matterId: String(side(f, who, scope, f.matterA, f.matterB).id), titleZh: '改名', titleEn: 'Renamed', category: 'environment', annualBudgetFen: '2000' }),
    allowed: (who, scope) => who?.role === 'admin' || departmentStaff(who, scope),
  },
  'desk/matters#changeMatterStatusAction': {
    form: (f, scope, who) => {
      const id = side(f, who, scope, f.matterA, f.matterB).id;
      return { matterId: String(id), to: 'withdrawn', reason: '不再需要', confirmation: tokenFor(f, 'matter', 'withdraw', id) };
    },
    allowed: (who, scope) => who?.role === 'admin' || departmentStaff(who, scope),
  },
  'desk/matters#addIndicatorAction': {
    form: (f, scope, who) => ({ matterId: String(side(f, who, scope, f.matterA, f.matterB).id), code: 'households_visited', unit: 'households', nameZh: '走访户数', nameEn: 'Households visited', kind: 'output_quantity', direction: 'higher' }),
    allowed: (who, scope) => who?.role === 'admin' || departmentStaff(who, scope),
  },
  'desk/matters#editIndicatorAction': {
    setup: (f) => {
      indicatorIds.set(f, { a: f.indicatorA.id, b: addIndicator(f.db, f.actors.officerB, { matterId: f.matterB.id, code: 'checks_done', nameZh: '检查次数', nameEn: 'Checks done', unit: 'times', kind: 'output_quantity', direction: 'higher' }).id });
    },
    form: (f, scope, who) => ({ indicatorId: String(side(f, who, scope, indicatorIds.get(f)!.a, indicatorIds.get(f)!.b)), nameZh: '改名', nameEn: 'Renamed', kind: 'effect', direction: 'lower' }),
    allowed: (who, scope) => who?.role === 'admin' || departmentStaff(who, scope),
  },
  'desk/matters#retireIndicatorAction': {
    setup: (f) => {
      indicatorIds.set(f, { a: f.indicatorA.id, b: addIndicator(f.db, f.actors.officerB, { matterId: f.matterB.id, code: 'checks_done', nameZh: '检查次数', nameEn: 'Checks done', unit: 'times', kind: 'output_quantity', direction: 'higher' }).id });
    },
    form: (f, scope, who) => ({ indicatorId: String(side(f, who, scope, indicatorIds.get(f)!.a, indicatorIds.get(f)!.b)) }),
    allowed: (who, scope) => who?.role === 'admin' || departmentStaff(who, scope),
  },
  'desk/contractors#createContractorAction': {
    form: (_f, scope) => ({ creditCode: scope === 'in' ? '91330383MA2A0PR1X3' : '91330383MA2A0PR1X3', nameZh: '新公司', nameEn: 'New Co.', kind: 'enterprise_institution', legalRepresentative: '王五' }),
    allowed: adminOnly,
  },
  'desk/contractors#updateContractorAction': {
    form: (f, scope) => ({ contractorId: String((scope === 'in' ? f.contractorX : f.contractorY).id), nameZh: '改名公司', nameEn: 'Renamed Co.', kind: 'enterprise_institution', legalRepresentative: '赵六' }),
    allowed: adminOnly,
  },
  'desk/contractors#changeVerificationAction': {
    form: (f, scope) => {
      const id = (scope === 'in' ? f.contractorX : f.contractorY).id;
      return { contractorId: String(id), to: 'suspended', reason: '抽查发现问题', confirmation: tokenFor(f, 'contractor', 'suspend', id) };
    },
    allowed: adminOnly,
  },
  'admin/departments#updateDepartmentAction': {
    form: (f, scope) => ({ departmentId: String((scope === 'in' ? f.deptA : f.deptB).id), nameZh: '改名局', nameEn: 'Renamed Bureau', kind: 'party', creditCode: scope === 'in' ? '11330383MB0010014D' : '11330383MB00103809' }),
    allowed: adminOnly,
  },
  'admin/reports#closeErrorReportAction': {
    setup: (f) => {
      for (const key of [f.matterA.code, f.matterB.code]) submitErrorReport(f.db, { recordType: 'matter', recordKey: key, message: '事项名称有误，请核实。' }, { address: null });
    },
    form: (_f, scope) => ({ reportId: scope === 'in' ? '1' : '2', note: '已核实' }),
    allowed: adminOnly,
  },
  'admin/import#importCatalogueAction': {
    form: () => ({}),
    files: () => [new File(['code,name_zh,name_en,kind\nLG-D-NEW,新局,New Bureau,government\n'], 'departments.csv', { type: 'text/csv' })],
    allowed: adminOnly,
  },
  '(auth)#changePasswordAction': {
    // One's own password only: there is no field naming whose password, so "out of scope" is a forged userId.
    form: (f, scope) => ({ currentPassword: FIXTURE_PASSWORD, newPassword: 'another long passphrase', ...(scope === 'out' ? { userId: String(f.actors.admin.id) } : {}) }),
    allowed: (who) => who !== null,
  },
};

/** Actions that are public by design, with the reason. */
const publicByDesign: Record<string, string> = {
  '(auth)#signInAction': 'signing in is how one gets a session; throttled and audited (lib/auth/sign-in.ts)',
  '(public)/report#submitErrorReportAction': 'anyone may report an error in a public record, without an account: it writes only to the admins\' inbox, throttled per address (lib/reports/service.ts)',
  '(auth)#signOutAction': 'ends only the caller\'s own session; a signed-out caller changes nothing',
};


function toFormData(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

/** Ran to completion without an error state (a redirect counts as success). */
async function succeeded(run: () => Promise<unknown>): Promise<boolean> {
  try {
    const result = (await run()) as { status?: string } | undefined;
    return result?.status !== 'error';
  } catch (e) {
    if (e instanceof Error && e.message === 'NEXT_REDIRECT') return true;
    if ((e as { digest?: string }).digest?.startsWith('NEXT_REDIRECT')) return true;
    return false;
  }
}

let tally = { calls: 0, refused: 0, unauthorized: 0, changedWhenRefused: 0 };

describe('authorization matrix', () => {
  let actions: Awaited<ReturnType<typeof loadServerActions>>;
  beforeEach(async () => {
    actions ??= await loadServerActions();
  });

  it('covers every exported server action', async () => {
    actions = await loadServerActions();
    const uncovered = Object.keys(actions).filter((k) => !(k in matrix) && !(k in publicByDesign));
    expect(uncovered).toEqual([]);
    expect(Object.keys(matrix).filter((k) => !(k in actions))).toEqual([]);
  });

  const fixture = buildFixture();
  const callers: [string, (f: Fixture) => Actor | null][] = [
    ['signed out', () => null],
    ...Object.keys(fixture.actors).map((k) => [k, (f: Fixture) => f.actors[k as keyof Fixture['actors']]] as [string, (f: Fixture) => Actor]),
  ];

  for (const [key, entry] of Object.entries(matrix)) {
    for (const [callerName, pick] of callers) {
      for (const scope of ['in', 'out'] as const) {
        it(`${key} as ${callerName} on a resource ${scope} of scope`, async () => {
          const f = buildFixture();
          entry.setup?.(f);
          const who = pick(f);
          state.actor = who;
          state.db = f.db;
          const before = snapshot(f.db);
          const fd = toFormData({ ...entry.form(f, scope, who), ...(entry.files ? { mode: 'import' } : {}) });
          for (const file of entry.files?.() ?? []) fd.append('files', file);
          const ok = await succeeded(() => actions[key]!(undefined, fd));
          const expected = entry.allowed(who, scope);
          const after = ok ? before : snapshot(f.db);
          // Counted before the assertions, which stop the test: the summary below counts what happened.
          tally.calls++;
          if (ok && !expected) tally.unauthorized++;
          if (!ok) tally.refused++;
          if (after !== before) tally.changedWhenRefused++;
          expect(ok, `${callerName} ${expected ? 'should' : 'must not'} succeed`).toBe(expected);
          expect(after, 'a refused call changed the database').toBe(before);
        });
      }
    }
  }

  it('summed over every call above: no unauthorized success, no refused call that changed the database', () => {
    expect(tally.calls, 'the calls above ran first').toBeGreaterThan(0);
    expect(tally.unauthorized, 'unauthorized successes').toBe(0);
    expect(tally.changedWhenRefused, 'refused calls that changed the database').toBe(0);
  });

  afterAll(() => {
    console.log(
      `authorization matrix: ${Object.keys(matrix).length} actions × ${callers.length} callers × 2 scopes = ${tally.calls} calls, ${tally.refused} refused, ` +
        `${tally.unauthorized} unauthorized successes, ${tally.changedWhenRefused} refused calls that changed the database`,
    );
    tally = { calls: 0, refused: 0, unauthorized: 0, changedWhenRefused: 0 };
  });
});

/** Route handlers that are not public (everything under app/api but the open-data API and next-auth's own). */
type RouteEntry = {
  path: string | ((f: Fixture) => string);
  params: (f: Fixture) => Record<string, string>;
  allowed: (who: Actor | null, f: Fixture) => boolean;
  /** Builds the request (default: a bare request with the method). */
  request?: (f: Fixture, url: string) => Request;
  /** Prepares records the call needs (runs before the snapshot). */
  setup?: (f: Fixture) => Promise<void>;
  /** The route#method called, when the key names a second case of it. */
  route?: string;
};
const attachmentIds = new WeakMap<Fixture, number>();
const uploadDeliverable = (f: Fixture, url = 'http://localhost/api/attachments') => uploadRequest(url, { name: 'ledger.txt', bytes: '季度台账\n', type: 'text/plain' }, { deliverableId: String(f.deliverableA.id) });
const uploadLicence = (url: string) => uploadRequest(url, { name: 'licence.txt', bytes: '营业执照\n', type: 'text/plain' });
/** Who may see a deliverable of contractor X on contract A in department A (lib/auth/scope.ts deliverableScope); `assigned`: the evaluator is assigned to that contract. */
const seesDeliverableA = (f: Fixture, who: Actor | null, assigned = false) =>
  who !== null &&
  (who.role === 'admin' || who.role === 'auditor' || who.contractorId === f.contractorX.id || ((who.role === 'officer' || who.role === 'approver') && who.departmentId === f.deptA.id) || (assigned && who.role === 'evaluator'));
const uploadDeliverableFile = async (f: Fixture) => {
  const { receiveAttachment } = await import('@/lib/attachments/upload');
  const outcome = await receiveAttachment(f.db as never, f.actors.contractorX, uploadDeliverable(f), { uploadDir: state.dir });
  if (!outcome.ok) throw new Error(`setup upload failed: ${outcome.error}`);
  attachmentIds.set(f, outcome.attachmentId);
};
const routeMatrix: Record<string, RouteEntry> = {
  'admin/catalogue/[kind]#GET': { path: '/api/admin/catalogue/contractors', params: () => ({ kind: 'contractors' }), allowed: adminOnly },
  'attachments#POST': {
    path: '/api/attachments',
    params: () => ({}),
    request: (f, url) => uploadDeliverable(f, url),
    allowed: (who) => who?.role === 'contractor' && who.name === 'x',
  },
  'attachments/[id]#GET': {
    path: (f) => `/api/attachments/${attachmentIds.get(f)}`,
    params: (f) => ({ id: String(attachmentIds.get(f)) }),
    setup: uploadDeliverableFile,
    allowed: (who, f) => seesDeliverableA(f, who),
  },
  'attachments/[id]#GET a deliverable file, the evaluator assigned to its contract': {
    route: 'attachments/[id]#GET',
    path: (f) => `/api/attachments/${attachmentIds.get(f)}`,
    params: (f) => ({ id: String(attachmentIds.get(f)) }),
    setup: async (f) => {
      assignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id });
      await uploadDeliverableFile(f);
    },
    allowed: (who, f) => seesDeliverableA(f, who, true),
  },
  'attachments/[id]#GET a qualification document of contractor X': {
    route: 'attachments/[id]#GET',
    path: (f) => `/api/attachments/${attachmentIds.get(f)}`,
    params: (f) => ({ id: String(attachmentIds.get(f)) }),
    setup: async (f) => {
      const { receiveContractorDocument } = await import('@/lib/attachments/upload');
      const outcome = await receiveContractorDocument(f.db as never, f.actors.admin, f.contractorX.id, uploadLicence('http://localhost/api/contractors/1/documents'), { uploadDir: state.dir });
      if (!outcome.ok) throw new Error(`setup upload failed: ${outcome.error}`);
      attachmentIds.set(f, outcome.attachmentId);
    },
    // Staff who read the register and the contractor's own users; not evaluators, not the other contractor.
    allowed: (who) => who !== null && (['admin', 'auditor', 'officer', 'approver'].includes(who.role) || (who.role === 'contractor' && who.name === 'x')),
  },
  'contractors/[id]/documents#POST': {
    path: (f) => `/api/contractors/${f.contractorX.id}/documents`,
    params: (f) => ({ id: String(f.contractorX.id) }),
    request: (_f, url) => uploadLicence(url),
    allowed: adminOnly,
  },
  // Health is for a process supervisor: open to all, and it shows no records.
  'health#GET': { path: '/api/health', params: () => ({}), allowed: () => true },
  // Who is signed in, for the header: everyone gets an answer (signed out: { signedIn: false }), about themselves only.
  'me#GET': { path: '/api/me', params: () => ({}), allowed: () => true },
  'audit/export#GET': { path: '/api/audit/export?format=json&entityType=contract', params: () => ({}), allowed: (who) => who?.role === 'admin' || who?.role === 'auditor' },
};


describe('authorization matrix: route handlers', () => {
  state.dir = temporaryUploadDir('matrix-uploads-');
  const nonPublic = findFilesNamed(apiDir, 'route.ts').filter((f) => !f.includes(`${path.sep}public${path.sep}`) && !f.includes(`${path.sep}auth${path.sep}`));

  it('covers every non-public route handler', async () => {
    const found: string[] = [];
    for (const file of nonPublic) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) if (typeof mod[method] === 'function') found.push(`${path.relative(apiDir, path.dirname(file))}#${method}`);
    }
    expect(found.filter((k) => !(k in routeMatrix))).toEqual([]);
  });

  const fixture = buildFixture();
  const callers: [string, (f: Fixture) => Actor | null][] = [['signed out', () => null], ...Object.keys(fixture.actors).map((k) => [k, (f: Fixture) => f.actors[k as keyof Fixture['actors']]] as [string, (f: Fixture) => Actor])];
  for (const [key, entry] of Object.entries(routeMatrix)) {
    for (const [callerName, pick] of callers) {
      it(`${key} as ${callerName}`, async () => {
        const f = buildFixture();
        state.db = f.db;
        await entry.setup?.(f);
        state.actor = pick(f);
        const [dir, method] = (entry.route ?? key).split('#') as [string, string];
        const mod = (await import(path.join(apiDir, dir, 'route.ts'))) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
        const before = snapshot(f.db);
        const url = `http://localhost${typeof entry.path === 'string' ? entry.path : entry.path(f)}`;
        const res = await mod[method]!(entry.request ? entry.request(f, url) : new Request(url, { method }), { params: Promise.resolve(entry.params(f)) });
        const allowed = entry.allowed(state.actor, f);
        expect(res.status < 400, `${callerName}: ${res.status}`).toBe(allowed);
        if (!allowed || method === 'GET') expect(snapshot(f.db)).toBe(before);
      });
    }
  }
});

/**
 * Mass assignment: the same call, once as the form sends it and once with extra fields a forger might
 * add (role, scope, status, flags, ids), must leave the database in the same state.
 */
const hostile: Record<string, string> = {
  role: 'admin',
  departmentId: '999',
  contractorId: '999',
  status: 'active',
  verificationStatus: 'verified',
  catalogueStatus: 'listed',
  disabled: 'false',
  passwordHash: 'forged',
  mustChangePassword: 'false',
  sessionVersion: '0',
  approvedBy: '1',
  draftedBy: '1',
  reviewedBy: '1',
  grade: 'excellent',
  overallScore: '100',
  id: '1',
  userId: '1',
};

/** Rows without what differs between two honest runs anyway (times, salted hashes, hash chain). */
function comparable(db: Fixture['db']): string {
  const tables = db.$client.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%' and name not in ('__drizzle_migrations', 'sessions') order by name`).pluck().all() as string[];
  return JSON.stringify(
    tables.map((t) => [
      t,
      (db.$client.prepare(`select * from "${t}" order by rowid`).all() as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(Object.entries(row).filter(([k]) => !/(_at|hash|^data|^seq|^paid_on)$/.test(k) && k !== 'password_hash' && k !== 'data')),
      ),
    ]),
  );
}

describe('mass assignment through every action', () => {
  const fixture = buildFixture();
  const callers = Object.keys(fixture.actors) as (keyof Fixture['actors'])[];
  for (const [key, entry] of Object.entries(matrix)) {
    it(`${key} ignores fields its form does not have`, async () => {
      const actions = await loadServerActions();
      const callerName = callers.find((c) => entry.allowed(fixture.actors[c], 'in'));
      expect(callerName, 'some role may use the action').toBeDefined();
      const results: string[] = [];
      for (const extra of [{}, hostile]) {
        const f = buildFixture();
        entry.setup?.(f);
        state.db = f.db;
        state.actor = f.actors[callerName!];
        const fields = entry.form(f, 'in', state.actor);
        const sent = { ...Object.fromEntries(Object.entries(extra).filter(([k]) => !(k in fields))), ...fields, ...(entry.files ? { mode: 'import' } : {}) };
        const fd = toFormData(sent);
        for (const file of entry.files?.() ?? []) fd.append('files', file);
        expect(await succeeded(() => actions[key]!(undefined, fd)), `${callerName} succeeds`).toBe(true);
        results.push(comparable(f.db));
      }
      expect(results[1]).toBe(results[0]);
    });
  }
});
