// Hostile input through every server action, called as a forged form post would (the same harness as
// app/authorization-matrix.test.ts: a session is mocked, the database is a fixture). Each action gets
// generated forms labelled by construction: valid (may succeed, or be refused by a business rule), made
// certainly invalid by one mutation of a valid form (must be refused and change nothing), and junk. No
// call may throw anything but a redirect, answer `codes.unexpected`, or show a stack trace, SQL or a path.
// FUZZ_RUNS forms per action (npm run test:fuzz: 20,000).
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { milestones } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { verifyAuditChain } from '@/lib/audit/verify';
import { requestAmendment } from '@/lib/contracts/amendments';
import { draftContract } from '@/lib/contracts/service';
import { listNotifications } from '@/lib/notifications/queries';
import { assignEvaluator } from '@/lib/evaluations/assignments';
import { contractTransitionNames } from '@/lib/contracts/rules';
import { systemActor } from '@/lib/auth/actor';
import { previewConsequences, type ConfirmSubject } from '@/lib/confirm/consequences';
import { USCC_ALPHABET, usccCheckCharacter } from '@/lib/contractors/uscc';
import { catalogueStatuses, contractStatuses, contractorKinds, departmentKinds, evaluatorKinds, matterCategories, milestoneStatuses, roles, verificationStatuses } from '@/lib/domain/enums';
import { loadServerActions, type ServerAction } from '@/lib/testing/app-modules';
import { changedTables, tableDigest, watchWrites } from '@/lib/testing/db-digest';
import { buildFixture, FIXTURE_PASSWORD, type Fixture } from '@/lib/testing/fixture';
import { submitErrorReport } from '@/lib/reports/service';
import { indicatorDirections, indicatorKinds } from '@/lib/results/kinds';
import { unitCodes } from '@/lib/results/units';
import {
  extraFields,
  fuzzRuns,
  hostileString,
  invalidDate,
  invalidEnum,
  invalidIdString,
  invalidRequiredText,
  invalidText,
  invalidYuan,
  leakIn,
  newTally,
  reportTally,
  validText,
  validYuan,
} from '@/lib/testing/hostile';

const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
vi.mock('@/lib/auth/current', () => mocks.authCurrentMock());
vi.mock('@/db/client', (original) => mocks.dbClientMock(original));
vi.mock('next/cache', () => mocks.nextCacheMock());
vi.mock('next/headers', () => mocks.nextHeadersMock());
// Argon2 costs ~50 ms a call; the fuzz is about input handling, so passwords hash fast here.
vi.mock('@/lib/auth/password', async (original) => ({
  ...(await original<object>()),
  hashPassword: async (p: string) => `fast$${p}`,
  verifyPassword: async (hash: string | null, p: string) => hash !== null && (hash === `fast$${p}` || (!hash.startsWith('fast$') && p === FIXTURE_PASSWORD)),
}));

type Form = Record<string, string | File>;

/**
 * A confirmable step's form with a confirmation (lib/confirm), read when the form is generated: the token
 * of the consequences as they are then (most forms), none, or a made-up one (refused, nothing written).
 */
const withConfirmation = (f: Fixture, form: fc.Arbitrary<Form>, target: (form: Form) => [ConfirmSubject, string, number] | null): fc.Arbitrary<Form> =>
  fc.tuple(form, fc.constantFrom('token', 'token', 'token', 'none', 'made-up')).map(([form, kind]) => {
    const t = target(form);
    const token = t && kind === 'token' ? (previewConsequences(f.db, systemActor('fuzz'), t[0], t[1], t[2])?.token ?? '') : kind === 'made-up' ? 'not-a-token' : '';
    return { ...form, confirmation: token };
  });
/** A field's invalid values; `null` leaves the field out. */
type Invalid = Record<string, fc.Arbitrary<string | File | null>>;
type Spec = {
  who: (f: Fixture) => Actor | null;
  setup?: (f: Fixture) => void;
  valid: (f: Fixture) => fc.Arbitrary<Form>;
  invalid: (f: Fixture) => Invalid;
  /** Cross-field mutations that certainly make a valid form invalid (null: not applicable to this one). */
  breaks?: ((form: Form) => Form | null)[];
  /** Tables a refusal writes by design (failed sign-ins are audited and throttled). */
  refusalWrites?: readonly string[];
};

// --- form values ---------------------------------------------------------------------------------------
const file = fc.constant(new File(['x'], 'x.txt', { type: 'text/plain' }));
const missing = fc.constant(null);
const strings = (a: fc.Arbitrary<unknown>) => a.filter((v): v is string => typeof v === 'string');
const badId = fc.oneof(invalidIdString, file, missing);
/** An optional id field: blank means "not given", so only non-blank junk is certainly invalid. */
const badOptionalId = invalidIdString.filter((s) => s !== '');
// Form posts carry no lone surrogates (FormData makes them U+FFFD), so those are not invalid here.
const badRequired = (max: number) => fc.oneof(invalidRequiredText(max, { form: true }), file, missing);
const badOptional = (max: number) => invalidText(max, { form: true });
const badDate = fc.oneof(strings(invalidDate).filter((s) => s.trim() !== '' || s === ''), file, missing);
const badEnum = (values: readonly string[]) => fc.oneof(strings(invalidEnum(values)), missing);
/** Non-blank (blank optional fields mean "not given"). */
const badOptionalEnum = (values: readonly string[]) => strings(invalidEnum(values)).filter((s) => s !== '');
const badYuan = fc.oneof(strings(invalidYuan), fc.constantFrom('0', '0.00'), file, missing);
const text = (max: number) => validText(max);
const optionalText = (max: number) => fc.oneof(fc.constant(''), validText(max));
const yuan = (maxYuan: number) => fc.integer({ min: 1, max: maxYuan * 100 }).map((fen) => (fen / 100).toFixed(2));
const dateIn = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((d) => new Date(Date.parse(`${from}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10));
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const email = fc.stringMatching(/^[a-z0-9]{1,16}@[a-z0-9]{1,10}\.(cn|example)$/);
const badEmail = fc.oneof(fc.constantFrom('plain', 'a@', '@b.cn', 'a b@c.cn', 'a@b', 'a..b@c.cn', '', 'a\u0000@b.cn'), file, missing);
const code17 = fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));
const uscc = code17.map((c) => c + usccCheckCharacter(c));
const badUscc = fc.oneof(
  fc.tuple(code17, fc.constantFrom(...USCC_ALPHABET)).filter(([c, x]) => usccCheckCharacter(c) !== x).map(([c, x]) => c + x),
  fc.constantFrom('', '91330383MA2A0PR1X', '91330383MA2A0PR1X30', '91330383MA2A0PR1I3', 'ZZZ'),
  missing,
);
/** A government body's code (GB 32100-2015, 11…); a department's code must be one, or blank. */
const governmentUscc = fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 15, maxLength: 15 }).map((a) => `11${a.join('')}`).map((c) => c + usccCheckCharacter(c));
const badGovernmentUscc = fc.oneof(badUscc.filter((c) => c !== '' && c !== null), uscc.filter((c) => !c.startsWith('11')));
const indicatorName = fc.stringMatching(/^[a-z][a-z0-9_]{0,49}$/);
/** Not blank after trimming (a blank name skips the row) and not a valid name. */
const badIndicatorName = fc.oneof(fc.constantFrom('Bad', '1abc', '_x', 'a-b', 'a b', 'a'.repeat(51), 'é'), hostileString).filter((s) => s.trim() !== '' && s.trim() !== '__proto__' && !/^[a-z][a-z0-9_]{0,49}$/.test(s.trim()));
/** Not blank after trimming (a blank value counts as missing, which is refused too). */
/** A result or target of a count (lib/results/units.ts): never blank (blank is "not given"). */
const badResultCount = fc.constantFrom('-1', '1.5', 'abc', '1e10', '99999999999', 'NaN', '\u0000', '１.５', 'Infinity');
const indicatorCode = fc.stringMatching(/^[a-z][a-z0-9_]{0,49}$/);
const indicatorForm = () =>
  fc.record({ nameZh: text(100), nameEn: text(200), kind: fc.constantFrom(...indicatorKinds), direction: fc.constantFrom(...indicatorDirections), definitionZh: optionalText(2000), definitionEn: optionalText(4000) });
const badIndicatorForm = { nameZh: badRequired(100), nameEn: badRequired(200), kind: badEnum(indicatorKinds), direction: badEnum(indicatorDirections), definitionZh: badOptional(2000), definitionEn: badOptional(4000) };
const badScore = fc.constantFrom('-1', '100.5', '101', 'abc', 'NaN', '1e3', '   ', 'Infinity');
const matterCode = fc.stringMatching(/^[A-Z]{2,6}-[A-Z]{2,6}-\d{3,6}$/);
const badMatterCode = fc.oneof(fc.constantFrom('lg-env-001', 'LG-ENV-01', 'LG_ENV_001', 'LG-ENV-0000001', '', 'LG-ENV-001\u0000'), missing);
const extras = (form: Form) => extraFields(Object.keys(form));
/** A later row of the same name replaces an earlier one: keep the names apart so a bad value in row 0 counts. */
const distinctRows = (prefix: string) => (form: Form): Form => (form[`${prefix}.1.name`] === form[`${prefix}.0.name`] ? { ...form, [`${prefix}.1.name`]: '' } : form);

function matterFields(): fc.Arbitrary<Form> {
  return fc.record({
    titleZh: text(200),
    titleEn: text(300),
    descriptionZh: optionalText(4000),
    descriptionEn: optionalText(4000),
    category: fc.constantFrom(...matterCategories),
    legalBasis: optionalText(1000),
    serviceStandard: optionalText(2000),
    annualBudgetFen: validYuan,
  });
}
const badMatterFields: Invalid = {
  titleZh: badRequired(200),
  titleEn: badRequired(300),
  descriptionZh: badOptional(4000),
  descriptionEn: badOptional(4000),
  category: badEnum(matterCategories),
  legalBasis: badOptional(1000),
  serviceStandard: badOptional(2000),
  annualBudgetFen: fc.oneof(strings(invalidYuan), file, missing),
};
const profile = fc.record({
  nameZh: text(200),
  nameEn: text(300),
  kind: fc.constantFrom(...contractorKinds),
  legalRepresentative: text(100),
  contactPhone: fc.oneof(fc.constant(''), fc.stringMatching(/^1[0-9]{10}$/)),
  contactEmail: fc.oneof(fc.constant(''), email),
  qualifications: optionalText(2000),
});
const badProfile: Invalid = {
  nameZh: badRequired(200),
  nameEn: badRequired(300),
  kind: badEnum(contractorKinds),
  legalRepresentative: badRequired(100),
  contactPhone: fc.constantFrom('12a45', '1234', 'phone', '+86 138 0000 0000 0000', '12345\u0000'),
  contactEmail: fc.constantFrom('plain', 'a@', 'a b@c.cn', 'a@b'),
  qualifications: badOptional(2000),
};
/** A departments CSV the import accepts. */
const departmentsCsv = fc
  .array(fc.tuple(fc.stringMatching(/^[A-Z][A-Z0-9]{2,10}$/), fc.constantFrom('party', 'government')), { minLength: 1, maxLength: 5 })
  .map((rows) => `code,name_zh,name_en,kind\n${rows.map(([c, k], i) => `LG-D-${c},部门${i},Bureau ${i},${k}`).join('\n')}\n`);
const csvFile = (text: string) => new File([text], 'departments.csv', { type: 'text/csv' });

const milestoneOf = new WeakMap<Fixture, number>();
const draftOf = new WeakMap<Fixture, number>();
const amendmentOf = new WeakMap<Fixture, number>();

const specs: Record<string, Spec> = {
  'admin/users#createUserAction': {
    who: (f) => f.actors.admin,
    valid: (f) =>
      fc.oneof(
        fc.record({ email, name: text(100), role: fc.constantFrom('admin', 'auditor', 'evaluator'), departmentId: fc.constant(''), contractorId: fc.constant('') }),
        fc.record({ email, name: text(100), role: fc.constantFrom('officer', 'approver'), departmentId: fc.constant(String(f.deptA.id)), contractorId: fc.constant('') }),
        fc.record({ email, name: text(100), role: fc.constant('contractor'), departmentId: fc.constant(''), contractorId: fc.constant(String(f.contractorX.id)) }),
      ),
    invalid: () => ({ email: badEmail, name: badRequired(100), role: badEnum(roles), departmentId: badOptionalId, contractorId: badOptionalId }),
    breaks: [(form) => (['officer', 'approver'].includes(String(form.role)) ? { ...form, departmentId: '' } : null), (form) => (form.role === 'contractor' ? { ...form, contractorId: '' } : null)],
  },
  'admin/users#updateUserAction': {
    who: (f) => f.actors.admin,
    valid: (f) => fc.record({ userId: fc.constant(String(f.actors.auditor.id)), name: text(100), role: fc.constantFrom('auditor', 'evaluator'), departmentId: fc.constant(''), contractorId: fc.constant('') }),
    invalid: () => ({ userId: badId, name: badRequired(100), role: badEnum(roles), departmentId: badOptionalId, contractorId: badOptionalId }),
    breaks: [(form) => ({ ...form, role: 'officer', departmentId: '' })],
  },
  'admin/users#setUserDisabledAction': {
    who: (f) => f.actors.admin,
    valid: (f) =>
      withConfirmation(f, fc.record({ userId: fc.constant(String(f.actors.contractorY.id)), disabled: fc.constantFrom('true', 'false') }), (form) =>
        form.disabled === 'true' ? ['user', 'disable', Number(form.userId)] : null,
      ),
    invalid: () => ({ userId: badId }),
  },
  'admin/users#resetPasswordAction': {
    who: (f) => f.actors.admin,
    valid: (f) => fc.record({ userId: fc.constantFrom(String(f.actors.evaluator.id), String(f.actors.auditor.id)) }),
    invalid: () => ({ userId: badId }),
  },
  'desk/contracts#draftContractAction': {
    who: (f) => f.actors.officerA,
    valid: (f) =>
      fc.tuple(dateIn('2000-01-01', 30_000), fc.integer({ min: 0, max: 360 })).chain(([start, days]) =>
        fc.record({
          locale: fc.constantFrom('en', 'zh-CN', 'xx', ''),
          matterId: fc.constant(String(f.matterA.id)),
          contractorId: fc.constant(String(f.contractorX.id)),
          valueFen: yuan(1_000_000),
          startDate: fc.constant(start),
          endDate: dateIn(start, days),
          terms: optionalText(8000),
          justification: optionalText(2000),
          noSubcontractDeclared: fc.constant('on'),
          'procurement.method': fc.constant('single_source'),
          'procurement.singleSourceGround': fc.constant('only_one_supplier'),
          'procurement.justification': text(2000).filter((t) => t.trim() !== ''),
          target_inspections_done: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 1e9 }).map(String)),
          'milestones.0.title': fc.oneof(fc.constant(''), text(200)),
          'milestones.0.type': fc.constantFrom('delivery', 'payment', 'reporting', ''),
          'milestones.0.dueDate': fc.constant(start),
        }).map((form) => (form['milestones.0.title'] ? form : { ...form, 'milestones.0.dueDate': '' })),
      ),
    invalid: () => ({
      matterId: badId,
      contractorId: badId,
      valueFen: badYuan,
      startDate: badDate,
      endDate: badDate,
      terms: badOptional(8000),
      justification: badOptional(2000),
      noSubcontractDeclared: fc.oneof(fc.constantFrom('off', 'true', 'yes', ''), missing),
      'procurement.method': fc.oneof(fc.constantFrom('auction', ''), missing),
      'milestones.0.dueDate': strings(invalidDate).filter((s) => s.trim() !== ''),
      target_inspections_done: badResultCount,
    }),
    breaks: [(form) => ({ ...form, endDate: dayBefore(String(form.startDate)) })],
  },
  'desk/contracts#editDraftContractAction': {
    who: (f) => f.actors.officerA,
    setup: (f) =>
      draftOf.set(f, draftContract(f.db, f.actors.officerA, { matterId: f.matterA.id, contractorId: f.contractorX.id, valueFen: 1000_00, startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true }).contract.id),
    valid: (f) =>
      fc.tuple(dateIn('2000-01-01', 30_000), fc.integer({ min: 0, max: 360 })).chain(([start, days]) =>
        fc.record({
          locale: fc.constantFrom('en', 'zh-CN', 'xx', ''),
          contractId: fc.constant(String(draftOf.get(f))),
          matterId: fc.constant(String(f.matterA.id)),
          contractorId: fc.constantFrom(String(f.contractorX.id), String(f.contractorY.id)),
          valueFen: yuan(1_000_000),
          startDate: fc.constant(start),
          endDate: dateIn(start, days),
          terms: optionalText(8000),
          justification: optionalText(2000),
          noSubcontractDeclared: fc.constant('on'),
          'procurement.method': fc.constant('single_source'),
          'procurement.singleSourceGround': fc.constant('only_one_supplier'),
          'procurement.justification': text(2000).filter((t) => t.trim() !== ''),
          target_inspections_done: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 1e9 }).map(String)),
          milestoneRows: fc.constantFrom('', '4', '5', '-1', '1000', 'x'),
          'milestones.0.title': fc.oneof(fc.constant(''), text(200)),
          'milestones.0.type': fc.constantFrom('delivery', 'payment', 'reporting', ''),
          'milestones.0.dueDate': fc.constant(start),
        }).map((form) => (form['milestones.0.title'] ? form : { ...form, 'milestones.0.dueDate': '' })),
      ),
    invalid: () => ({
      contractId: badId,
      matterId: badId,
      contractorId: badId,
      valueFen: badYuan,
      startDate: badDate,
      endDate: badDate,
      terms: badOptional(8000),
      justification: badOptional(2000),
      noSubcontractDeclared: fc.oneof(fc.constantFrom('off', 'true', 'yes', ''), missing),
      'procurement.method': fc.oneof(fc.constantFrom('auction', ''), missing),
      'milestones.0.dueDate': strings(invalidDate).filter((s) => s.trim() !== ''),
      target_inspections_done: badResultCount,
    }),
    breaks: [(form) => ({ ...form, endDate: dayBefore(String(form.startDate)) })],
  },
  'notifications#markNotificationsReadAction': {
    who: (f) => f.actors.contractorX,
    valid: (f) => fc.record({ key: fc.constantFrom(...listNotifications(f.db, f.actors.contractorX).items.map((n) => n.key)) }),
    invalid: () => ({ key: fc.oneof(fc.constantFrom('', 'event:', 'event:x', 'milestone:1', 'milestone:1:2026-1-1', "event:1' or '1'='1", 'event:1\u0000'), hostileString.filter((s) => !/^(event:\d{1,15}|milestone:\d{1,15}:\d{4}-\d{2}-\d{2})$/.test(s)), missing) }),
  },
  'desk/contracts#transitionContractAction': {
    who: (f) => f.actors.officerA,
    valid: (f) =>
      withConfirmation(
        f,
        fc.record({
          contractId: fc.constantFrom(String(f.activeA.id), String(f.pendingA.id)),
          transition: fc.constantFrom(...contractTransitionNames),
          reason: optionalText(2000),
          expectedStatus: fc.constantFrom('', ...contractStatuses),
        }),
        (form) => ['contract', String(form.transition), Number(form.contractId)],
      ),
    invalid: () => ({ contractId: badId, transition: badEnum(contractTransitionNames), reason: badOptional(2000), expectedStatus: badOptionalEnum(contractStatuses) }),
  },
  'desk/contracts#recordPaymentAction': {
    who: (f) => f.actors.officerA,
    setup: (f) => milestoneOf.set(f, f.db.select({ id: milestones.id }).from(milestones).all()[0]!.id),
    valid: (f) => fc.record({ contractId: fc.constant(String(f.activeA.id)), amountFen: yuan(50), paidOn: dateIn('2026-01-01', 100), milestoneId: fc.constantFrom('', String(milestoneOf.get(f))) }),
    invalid: () => ({ contractId: badId, amountFen: badYuan, paidOn: badDate, milestoneId: badOptionalId }),
  },
  'desk/contracts#requestAmendmentAction': {
    who: (f) => f.actors.officerA,
    valid: (f) => fc.record({ contractId: fc.constant(String(f.activeA.id)), newValueFen: fc.oneof(fc.constant(''), yuan(1_000_000)), newEndDate: fc.oneof(fc.constant(''), dateIn('2026-06-01', 600)), newTerms: optionalText(8000), rationale: text(2000) }),
    invalid: () => ({
      contractId: badId,
      newValueFen: strings(invalidYuan).filter((s) => s.trim() !== ''),
      newEndDate: strings(invalidDate).filter((s) => s !== ''),
      newTerms: badOptional(8000),
      rationale: badRequired(2000),
    }),
  },
  'desk/contracts#decideAmendmentAction': {
    who: (f) => f.actors.approverA,
    setup: (f) => amendmentOf.set(f, requestAmendment(f.db, f.actors.officerA, { contractId: f.activeA.id, newValueFen: 60_000_00, rationale: '扩大范围' }).id),
    valid: (f) => fc.record({ contractId: fc.constant(String(f.activeA.id)), amendmentId: fc.constant(String(amendmentOf.get(f))), decision: fc.constantFrom('approve', 'reject'), comment: optionalText(2000) }),
    invalid: () => ({ amendmentId: badId, decision: badEnum(['approve', 'reject']), comment: badOptional(2000) }),
  },
  'desk/deliverables#submitDeliverableAction': {
    who: (f) => f.actors.contractorX,
    valid: (f) =>
      dateIn('2026-01-01', 300).chain((start) =>
        fc.record({
          contractId: fc.constant(String(f.activeA.id)),
          title: text(200),
          periodStart: fc.constant(start),
          periodEnd: dateIn(start, 60),
          description: optionalText(8000),
          milestoneId: fc.constant(''),
          supersedesId: fc.constant(''),
          result_inspections_done: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 1e9 }).map(String)),
        }),
      ),
    invalid: () => ({
      contractId: badId,
      title: badRequired(200),
      periodStart: badDate,
      periodEnd: badDate,
      description: badOptional(8000),
      milestoneId: badOptionalId,
      supersedesId: badOptionalId,
      result_inspections_done: badResultCount,
    }),
    breaks: [
      (form) => ({ ...form, periodEnd: dayBefore(String(form.periodStart)) }),
      // Not one of the contract's indicators.
      (form) => ({ ...form, result_households_visited: '5' }),
    ],
  },
  'desk/deliverables#reviewDeliverableAction': {
    who: (f) => f.actors.officerA,
    valid: (f) =>
      fc
        .record({ contractId: fc.constant(String(f.activeA.id)), deliverableId: fc.constant(String(f.deliverableA.id)), decision: fc.constantFrom('accept', 'return'), comment: optionalText(2000) })
        .map((form) => (form.decision === 'return' && !String(form.comment).trim() ? { ...form, comment: '请补充照片' } : form)),
    invalid: () => ({ deliverableId: badId, decision: badEnum(['accept', 'return']), comment: badOptional(2000) }),
    breaks: [(form) => ({ ...form, decision: 'return', comment: ' \n ' })],
  },
  'desk/deliverables#setMilestoneStatusAction': {
    who: (f) => f.actors.officerA,
    setup: (f) => milestoneOf.set(f, f.db.select({ id: milestones.id }).from(milestones).all()[0]!.id),
    valid: (f) => fc.record({ contractId: fc.constant(String(f.activeA.id)), milestoneId: fc.constant(String(milestoneOf.get(f))), status: fc.constantFrom(...milestoneStatuses) }),
    invalid: () => ({ milestoneId: badId, status: badEnum(milestoneStatuses) }),
  },
  'evaluations#recordEvaluationAction': {
    who: (f) => f.actors.officerA,
    valid: (f) =>
      dateIn('2026-01-01', 300).chain((start) =>
        fc.record({
          contractId: fc.constant(String(f.activeA.id)),
          evaluatorKind: fc.constantFrom(...evaluatorKinds),
          periodStart: fc.constant(start),
          periodEnd: dateIn(start, 90),
          'scores.0.name': indicatorName,
          'scores.0.value': fc.integer({ min: 0, max: 100 }).map(String),
          'scores.1.name': fc.oneof(fc.constant(''), indicatorName),
          'scores.1.value': fc.double({ min: 0, max: 100, noNaN: true }).map(String),
          comment: optionalText(4000),
        }),
      ).map(distinctRows('scores')),
    invalid: () => ({
      contractId: badId,
      evaluatorKind: badEnum(evaluatorKinds),
      periodStart: badDate,
      periodEnd: badDate,
      'scores.0.name': badIndicatorName,
      'scores.0.value': badScore,
      comment: badOptional(4000),
    }),
    breaks: [
      (form) => ({ ...form, periodEnd: dayBefore(String(form.periodStart)) }),
      (form) => ({ ...form, 'scores.0.name': '', 'scores.1.name': '' }),
    ],
  },
  'admin/evaluators#assignEvaluatorAction': {
    who: (f) => f.actors.admin,
    valid: (f) => fc.record({ contractId: fc.constantFrom(String(f.activeA.id), String(f.activeB.id)), userId: fc.constant(String(f.actors.evaluator.id)) }),
    invalid: () => ({ contractId: badId, userId: badId }),
  },
  'admin/evaluators#unassignEvaluatorAction': {
    who: (f) => f.actors.admin,
    setup: (f) => {
      assignEvaluator(f.db, f.actors.admin, { contractId: f.activeA.id, userId: f.actors.evaluator.id });
    },
    valid: (f) => fc.record({ contractId: fc.constantFrom(String(f.activeA.id), String(f.activeB.id)), userId: fc.constant(String(f.actors.evaluator.id)) }),
    invalid: () => ({ contractId: badId, userId: badId }),
  },
  'desk/matters#createMatterAction': {
    who: (f) => f.actors.officerA,
    valid: () => fc.tuple(matterFields(), matterCode).map(([m, code]) => ({ ...m, code, departmentId: '1' })),
    invalid: () => ({ ...badMatterFields, code: badMatterCode }),
  },
  'desk/matters#updateMatterAction': {
    who: (f) => f.actors.officerA,
    valid: (f) => matterFields().map((m) => ({ ...m, matterId: String(f.matterA.id) })),
    invalid: () => ({ ...badMatterFields, matterId: badId }),
  },
  'desk/matters#changeMatterStatusAction': {
    who: (f) => f.actors.officerA,
    valid: (f) =>
      withConfirmation(f, fc.record({ matterId: fc.constant(String(f.matterA.id)), to: fc.constantFrom(...catalogueStatuses), reason: text(1000) }), (form) =>
        form.to === 'withdrawn' ? ['matter', 'withdraw', Number(form.matterId)] : null,
      ),
    invalid: () => ({ matterId: badId, to: badEnum(catalogueStatuses), reason: badOptional(1000) }),
    breaks: [(form) => ({ ...form, to: 'withdrawn', reason: '' })],
  },
  'desk/matters#addIndicatorAction': {
    who: (f) => f.actors.officerA,
    valid: (f) => fc.tuple(indicatorForm(), indicatorCode, fc.constantFrom(...unitCodes)).map(([form, code, unit]) => ({ ...form, code, unit, matterId: String(f.matterA.id) })),
    invalid: () => ({ ...badIndicatorForm, matterId: badId, unit: badEnum(unitCodes), code: badIndicatorName }),
  },
  'desk/matters#editIndicatorAction': {
    who: (f) => f.actors.officerA,
    valid: (f) => indicatorForm().map((form) => ({ ...form, indicatorId: String(f.indicatorA.id) })),
    invalid: () => ({ ...badIndicatorForm, indicatorId: badId }),
  },
  'desk/matters#retireIndicatorAction': {
    who: (f) => f.actors.officerA,
    valid: (f) => fc.record({ indicatorId: fc.constant(String(f.indicatorA.id)), matterId: fc.constantFrom(String(f.matterA.id), '') }),
    invalid: () => ({ indicatorId: badId }),
  },
  'desk/contractors#createContractorAction': {
    who: (f) => f.actors.admin,
    valid: () => fc.tuple(profile, uscc).map(([p, creditCode]) => ({ ...p, creditCode })),
    invalid: () => ({ ...badProfile, creditCode: badUscc }),
  },
  'desk/contractors#updateContractorAction': {
    who: (f) => f.actors.admin,
    valid: (f) => profile.map((p) => ({ ...p, contractorId: String(f.contractorY.id) })),
    invalid: () => ({ ...badProfile, contractorId: badId }),
  },
  'desk/contractors#changeVerificationAction': {
    who: (f) => f.actors.admin,
    valid: (f) =>
      withConfirmation(f, fc.record({ contractorId: fc.constant(String(f.contractorY.id)), to: fc.constantFrom(...verificationStatuses), reason: text(1000) }), (form) =>
        form.to === 'suspended' ? ['contractor', 'suspend', Number(form.contractorId)] : form.to === 'debarred' ? ['contractor', 'debar', Number(form.contractorId)] : null,
      ),
    invalid: () => ({ contractorId: badId, to: badEnum(verificationStatuses), reason: badOptional(1000) }),
  },
  'admin/departments#updateDepartmentAction': {
    who: (f) => f.actors.admin,
    valid: (f) => fc.record({ departmentId: fc.constant(String(f.deptA.id)), nameZh: text(100), nameEn: text(200), kind: fc.constantFrom(...departmentKinds), creditCode: fc.oneof(fc.constant(''), governmentUscc) }),
    invalid: () => ({ departmentId: badId, nameZh: badRequired(100), nameEn: badRequired(200), kind: badEnum(departmentKinds), creditCode: badGovernmentUscc }),
  },
  'admin/import#importCatalogueAction': {
    who: (f) => f.actors.admin,
    valid: () => fc.record({ mode: fc.constantFrom('import', 'dry-run'), files: departmentsCsv.map(csvFile) }),
    invalid: () => ({
      files: fc.oneof(
        fc.tuple(departmentsCsv, fc.constantFrom('kind', 'code', 'name')).map(([csv, col]) => {
          const lines = csv.split('\n');
          const cells = lines[1]!.split(',');
          if (col === 'kind') cells[3] = 'ministry';
          else if (col === 'code') cells[0] = 'lower-case';
          else cells[1] = '';
          return csvFile([lines[0], cells.join(','), ...lines.slice(2)].join('\n'));
        }),
        fc.constantFrom('', 'not,a,catalogue\n1,2,3\n', '\u0000\u0001', 'code,name_zh,name_en,kind\nLG-D-X\u0000,名,N,party\n').map(csvFile),
        missing,
      ),
    }),
  },
  '(auth)#changePasswordAction': {
    who: (f) => f.actors.officerB,
    valid: () => fc.record({ currentPassword: fc.constant(FIXTURE_PASSWORD), newPassword: fc.string({ minLength: 12, maxLength: 100 }).filter((s) => s.length >= 12 && s.length <= 128 && new Set(s).size > 5), locale: fc.constantFrom('en', 'zh-CN') }),
    invalid: () => ({
      newPassword: fc.oneof(fc.string({ maxLength: 7 }), fc.string({ minLength: 129, maxLength: 300 }).filter((s) => s.length > 128), fc.constantFrom('password', '12345678', 'qwertyuiop'), file, missing),
      currentPassword: fc.oneof(fc.constantFrom(''), file, missing),
    }),
    breaks: [(form) => ({ ...form, newPassword: FIXTURE_PASSWORD })],
  },
  '(public)/report#submitErrorReportAction': {
    who: () => null,
    valid: (f) =>
      fc.record({
        recordType: fc.constant('matter'),
        recordKey: fc.constantFrom(f.matterA.code, f.matterB.code),
        message: validText(2000).filter((m) => m.trim().length >= 10),
      }),
    invalid: (f) => ({
      recordType: badEnum(['matter', 'contract', 'contractor']),
      recordKey: fc.oneof(fc.constantFrom('LG-NOPE-001', f.pendingA.reference, ''), file, missing),
      message: fc.oneof(fc.constantFrom('', 'short', '         '), fc.constant('x'.repeat(2001)), file, missing),
    }),
  },
  'admin/reports#closeErrorReportAction': {
    who: (f) => f.actors.admin,
    setup: (f) => {
      for (const key of [f.matterA.code, f.matterB.code]) submitErrorReport(f.db, { recordType: 'matter', recordKey: key, message: '事项名称有误，请核实。' }, { address: null });
    },
    valid: () => fc.record({ reportId: fc.constantFrom('1', '2'), note: text(2000).filter((n) => n.trim() !== '') }),
    invalid: () => ({ reportId: fc.oneof(badId, fc.constant('99')), note: badRequired(2000) }),
  },
  '(auth)#signInAction': {
    who: () => null,
    refusalWrites: ['audit_events', 'sign_in_throttle'],
    // The one valid form is the right password; everything else must be refused.
    valid: () => fc.record({ email: fc.constant('auditor@test.example'), password: fc.constant(FIXTURE_PASSWORD), locale: fc.constantFrom('en', 'zh-CN', '') }),
    invalid: () => ({
      password: fc.oneof(hostileString.filter((p) => p !== FIXTURE_PASSWORD), fc.constant(`${FIXTURE_PASSWORD} `), fc.constant(FIXTURE_PASSWORD.toUpperCase()), file, missing),
      // (any fixture user's email with the right password would rightly succeed)
      email: fc.oneof(hostileString.filter((e) => !e.trim().toLowerCase().endsWith('@test.example')), fc.constantFrom('auditor@test.example\u0000', 'auditor@test.example.', 'nobody@test.example'), file, missing),
    }),
  },
  '(auth)#signOutAction': {
    who: (f) => f.actors.evaluator,
    valid: () => fc.record({ locale: fc.oneof(fc.constantFrom('en', 'zh-CN'), hostileString) }),
    invalid: () => ({}),
  },
};

// --- the harness ------------------------------------------------------------------------------------------

type Case = { label: 'valid' | 'invalid' | 'junk'; form: Form; why?: string };

function cases(spec: Spec, f: Fixture): fc.Arbitrary<Case> {
  const valid = spec.valid(f).chain((form) => extras(form).map((extra): Form => ({ ...extra, ...form })));
  const invalidFields = Object.entries(spec.invalid(f));
  const mutations: fc.Arbitrary<[string, (form: Form) => Form | null]>[] = [];
  if (invalidFields.length) {
    mutations.push(
      fc.constantFrom(...invalidFields).chain(([k, values]) =>
        values.map((v): [string, (form: Form) => Form] => [
          `${k} := ${v === null ? '(missing)' : v instanceof File ? '(a file)' : JSON.stringify(v).slice(0, 80)}`,
          (form) => {
            const out = { ...form };
            delete out[k];
            if (v !== null) out[k] = v;
            return out;
          },
        ]),
      ),
    );
  }
  for (const [i, b] of (spec.breaks ?? []).entries()) mutations.push(fc.constant([`cross-field rule ${i}`, b]));
  const junkKeys = [...new Set([...invalidFields.map(([k]) => k), 'contractId', 'locale', '$ACTION_ID_0', '$ACTION_REF_1'])];
  const junk = fc
    .dictionary(fc.oneof(fc.constantFrom(...junkKeys), hostileString), fc.oneof(hostileString, file), { maxKeys: 8 })
    .map((form): Case => ({ label: 'junk', form }));
  const arms: fc.Arbitrary<Case>[] = [valid.map((form): Case => ({ label: 'valid', form })), junk];
  if (mutations.length) {
    arms.push(
      fc
        .tuple(valid, fc.oneof(...mutations))
        .map(([form, [why, mutate]]) => {
          const out = mutate(form);
          return out === null ? null : ({ label: 'invalid', form: out, why } as Case);
        })
        .filter((c): c is Case => c !== null),
    );
  }
  return fc.oneof(...arms);
}

function toFormData(form: Form): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(form)) fd.append(k, v);
  return fd;
}

type Outcome = { kind: 'ok' | 'refused' | 'redirect' | 'unexpected' | 'threw'; detail?: string; state?: Record<string, unknown> };

async function call(action: ServerAction, key: string, fd: FormData): Promise<Outcome> {
  try {
    const result = (await (key.endsWith('#signOutAction') ? action(fd) : action({ status: 'idle' }, fd))) as Record<string, unknown> | undefined;
    if (result?.status === 'error') return { kind: result.error === 'codes.unexpected' ? 'unexpected' : 'refused', state: result, detail: String(result.errorId ?? result.error) };
    return { kind: 'ok', state: result };
  } catch (e) {
    const digest = (e as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { kind: 'redirect' };
    return { kind: 'threw', detail: e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e) };
  }
}

/** What a client sees of a state, without the user's own input echoed back (values, field names). */
function shown(state: Record<string, unknown> | undefined): string {
  if (!state) return '';
  const { values: _values, fieldErrors, problems, ...rest } = state as { values?: unknown; fieldErrors?: Record<string, string[]>; problems?: { reason: string; column: string | null }[] };
  void _values;
  return JSON.stringify({ ...rest, fieldErrors: Object.values(fieldErrors ?? {}), problems: (problems ?? []).map((p) => p.reason) });
}

const tally = newTally();
const runs = fuzzRuns(1000);

describe('fuzz: server actions', () => {
  it('covers every exported server action', async () => {
    const actions = await loadServerActions();
    expect(Object.keys(actions).filter((k) => !(k in specs))).toEqual([]);
  });

  for (const [key, spec] of Object.entries(specs)) {
    it(`${key}: invalid forms are refused and change nothing; nothing throws or leaks`, async () => {
      const actions = await loadServerActions();
      const action = actions[key]!;
      const f = buildFixture();
      spec.setup?.(f);
      state.db = f.db;
      // Every table's digest around each invalid form: a write the audit trail does not show fails too.
      watchWrites(f.db);
      const problems: string[] = [];
      const seen = { ok: 0, refused: 0 };
      const outcome = await fc.check(
        fc.asyncProperty(cases(spec, f), async (c) => {
          tally.inputs++;
          state.actor = spec.who(f);
          const before = tableDigest(f.db);
          const result = await call(action, key, toFormData(c.form));
          if (result.kind === 'threw' || result.kind === 'unexpected') {
            tally.unhandled++;
            problems.push(`${c.label} form ${c.why ?? ''}: ${result.kind} ${result.detail}`);
            return false;
          }
          const leak = leakIn(shown(result.state));
          if (leak) {
            tally.unhandled++;
            problems.push(`${c.label} form ${c.why ?? ''}: the answer shows a ${leak}`);
            return false;
          }
          if (result.kind === 'refused') seen.refused++;
          else seen.ok++;
          if (c.label === 'invalid') {
            const written = changedTables(before, tableDigest(f.db)).filter((t) => !spec.refusalWrites?.includes(t));
            if (result.kind !== 'refused' || written.length > 0) {
              tally.invalidAccepted++;
              problems.push(`accepted an invalid form (${c.why}): ${result.kind}${written.length > 0 ? `, and the database changed (${written.join(', ')})` : ''}`);
              return false;
            }
          }
          return true;
        }),
        { numRuns: runs, endOnFailure: true },
      );
      expect(problems.slice(0, 3).map((p) => p.slice(0, 400)), `seed ${outcome.seed}`).toEqual([]);
      expect(verifyAuditChain(f.db.$client).ok, 'the audit chain still verifies').toBe(true);
      expect(f.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(f.db.$client.pragma('foreign_key_check')).toEqual([]);
      // The generators are worth something only if valid forms do get through sometimes.
      if (runs >= 100 && !key.endsWith('#signOutAction')) expect(seen.ok, 'some generated forms succeeded').toBeGreaterThan(0);
    }, 600_000);
  }

  afterAll(() => reportTally('server actions', tally));
});

