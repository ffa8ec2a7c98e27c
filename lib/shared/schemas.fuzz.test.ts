// Hostile input, schema by schema: every zod schema on the write path gets generated inputs labelled by
// construction — valid ones (must pass, and extra fields must not come through), ones made certainly invalid
// by one mutation of a valid input (must be refused), and junk of any shape (must be answered, never throw).
// FUZZ_RUNS inputs per schema (npm run test:fuzz: 20,000).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { auditFilterQuery } from '../audit/queries';
import { leafQuery } from '../audit/leaf';
import { passwordSchema } from '../auth/password';
import { contractorInput, contractorUpdateInput, creditCode, verificationChangeInput } from '../contractors/schema';
import { contractorListQuery } from '../contractors/staff-queries';
import { USCC_ALPHABET, usccCheckCharacter } from '../contractors/uscc';
import {
  amendmentDecisionInput,
  amendmentForm,
  amendmentInput,
  contractDraftForm,
  contractDraftInput,
  contractTransitionInput,
  milestoneInput,
  milestoneStatusInput,
  paymentForm,
  paymentInput,
} from '../contracts/schema';
import { contractTransitionNames } from '../contracts/rules';
import { deliverableInput, deliverableReviewInput, indicatorValues } from '../deliverables/schema';
import { departmentInput } from '../departments/schema';
import { catalogueStatuses, contractStatuses, contractorKinds, departmentKinds, evaluatorKinds, matterCategories, milestoneStatuses, milestoneTypes, roles, verificationStatuses } from '../domain/enums';
import { evaluatorAssignmentInput } from '../evaluations/assignments';
import { evaluationInput } from '../evaluations/schema';
import { matterForm, matterInput, matterStatusInput, matterUpdateInput, newMatterForm } from '../matters/schema';
import { matterListQuery } from '../matters/staff-queries';
import { userIdInput, userInput, userUpdateInput } from '../users/schema';
import {
  anyValue,
  extraFields,
  fuzzRuns,
  hostileString,
  invalidDate,
  invalidEnum,
  invalidFen,
  invalidId,
  invalidRequiredText,
  invalidText,
  invalidYuan,
  newTally,
  reportTally,
  validDate,
  validFen,
  validId,
  validText,
  validYuan,
} from '../testing/hostile';

type Obj = Record<string, unknown>;
type Field = { valid: fc.Arbitrary<unknown>; invalid?: fc.Arbitrary<unknown>; optional?: boolean };
type Spec = {
  schema: z.ZodType;
  /** Fields of an object schema; none for a schema fuzzed with junk only (read-side queries). */
  fields?: Record<string, Field>;
  /** Makes a generated valid object meet the cross-field rules. */
  fix?: (o: Obj) => Obj;
  /** Mutations that certainly break a cross-field rule of a valid object (null: does not apply to it). */
  breaks?: ((o: Obj) => Obj | null)[];
  /** A non-object schema: valid and invalid values directly. */
  value?: { valid: fc.Arbitrary<unknown>; invalid: fc.Arbitrary<unknown> };
};

// --- field kinds --------------------------------------------------------------------------------------------
const id: Field = { valid: validId, invalid: invalidId };
const optionalId: Field = { valid: validId, invalid: invalidId, optional: true };
const required = (max: number): Field => ({ valid: validText(max), invalid: fc.oneof(invalidRequiredText(max), fc.constantFrom(1, true, null, [], {})) });
const optional = (max: number): Field => ({ valid: validText(max, 0), invalid: fc.oneof(invalidText(max), fc.constantFrom(1, false, null, ['a'], {})), optional: true });
const date: Field = { valid: validDate, invalid: invalidDate };
const optionalDate: Field = { ...date, optional: true };
const choice = (values: readonly string[], opt = false): Field => ({ valid: fc.constantFrom(...values), invalid: invalidEnum(values), optional: opt });
const fen: Field = { valid: validFen, invalid: invalidFen };
const positiveFen: Field = { valid: validFen.filter((n) => Number(n) > 0), invalid: fc.oneof(invalidFen, fc.constantFrom(0, '0', -0)) };
const yuan: Field = { valid: validYuan, invalid: invalidYuan };
const positiveYuan: Field = { valid: validYuan.filter((s) => Number(s.replaceAll(',', '')) > 0), invalid: fc.oneof(invalidYuan, fc.constantFrom('0', '0.00', '0,000')) };

const code17 = fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));
const validUscc = code17.map((c) => c + usccCheckCharacter(c));
const invalidUscc: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(code17, fc.constantFrom(...USCC_ALPHABET)).filter(([c, x]) => usccCheckCharacter(c) !== x).map(([c, x]) => c + x), // wrong check character
  validUscc.map((c) => c.slice(0, 17)),
  validUscc.map((c) => `${c}0`),
  fc.tuple(validUscc, fc.constantFrom('I', 'O', 'Z', 'S', 'V', '-', ' ', '\u0000', '龍'), fc.integer({ min: 0, max: 16 })).map(([c, x, i]) => c.slice(0, i) + x + c.slice(i + 1)),
  fc.constantFrom('', 'null', 1, null, {}),
);
const validEmail = fc.stringMatching(/^[a-z0-9]{1,20}(\.[a-z0-9]{1,10})?@[a-z0-9]{1,15}\.(cn|com|example|gov\.cn)$/);
const invalidEmail: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('plain', 'a@', '@b.cn', 'a b@c.cn', 'a@b', 'a..b@c.cn', '.a@b.cn', 'a@b.c', 'a@@b.cn', '', ' ', 'a@b.cn\u0000', 'a\u0000@b.cn', 'a\ud800@b.cn', 1, null),
  fc.tuple(validEmail, fc.constantFrom('\u0000', ' ', '<', '>', '"', ',', ';', '\\', '\ud800', '\u202e')).map(([e, c]) => e.replace('@', `${c}@`)),
);
const optionalEmail: Field = { valid: fc.oneof(validEmail, fc.constant('')), invalid: invalidEmail.filter((e) => e !== '' && e !== ' '), optional: true };
const validPhone = fc.stringMatching(/^[0-9+\-() ]{5,20}$/).filter((s) => /^[0-9+\-() ]{5,20}$/.test(s.trim()));
const phone: Field = {
  valid: fc.oneof(validPhone, fc.constant('')),
  invalid: fc.oneof(fc.constantFrom('1234', '12a45', '+86 138 0000 0000 0000', 'phone', '12345\u0000', '１２３４５６'), fc.integer({ min: 0, max: 9999 }).map(String).filter((s) => s.length < 5 && s.length > 0)),
  optional: true,
};
const matterCode = fc.stringMatching(/^[A-Z]{2,6}-[A-Z]{2,6}-\d{3,6}$/);
const invalidMatterCode = fc.constantFrom('lg-env-001', 'LG-ENV-01', 'LG_ENV_001', 'LG-ENV-0000001', 'L-ENV-001', 'LGENV001', 'LG-ENV-001-', '', 'LG-EN1-001', 'LG-ENV-001\u0000', 'ＬＧ-ENV-001', 1, null);
const indicatorName = fc.stringMatching(/^[a-z][a-z0-9_]{0,49}$/);
// (`__proto__` is no key at all in a plain object: it is left to the junk inputs)
const badIndicatorName = fc.oneof(fc.constantFrom('Bad', '1abc', '', '_x', 'a-b', 'a b', 'a'.repeat(51), 'é', 'a\u0000'), hostileString.filter((s) => !/^[a-z][a-z0-9_]{0,49}$/.test(s.trim()) && s !== '__proto__'));
const indicators = fc.dictionary(indicatorName, fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }).map(String)), { maxKeys: 30 });
const badIndicatorValue = fc.constantFrom(-1, '-1', 1.5, '1.5', 1e9 + 1, '1e10', 'abc', {}, Number.NaN, '1e400');
const scores = fc.dictionary(indicatorName, fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 100 }).map(String)), { minKeys: 1, maxKeys: 20 });
const badScore = fc.constantFrom(-0.5, 100.5, '101', '-1', 'abc', {}, Number.NaN, '1e3', Infinity);
const deptCode = fc.stringMatching(/^[A-Z][A-Z0-9-]{1,31}$/);
const badDeptCode = fc.constantFrom('a', 'A', 'abc', '1ABC', 'A_B', 'A'.repeat(33), '-AB', '', 'AB\u0000', 'ÄB', 1, null);

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const ordered = (o: Obj, a: string, b: string): Obj => (String(o[a]) > String(o[b]) ? { ...o, [a]: o[b], [b]: o[a] } : o);
/** Puts the end before the start (valid dates both). */
const reversePeriod = (a: string, b: string) => (o: Obj) => {
  const start = String(o[a]);
  const end = dayBefore(start);
  return end >= '1000-01-01' ? { ...o, [b]: end } : null;
};

const contractFields: Record<string, Field> = {
  matterId: id,
  contractorId: id,
  valueFen: positiveFen,
  startDate: date,
  endDate: date,
  justification: optional(2000),
  terms: optional(8000),
  noSubcontractDeclared: { valid: fc.constant(true), invalid: fc.constantFrom(false, 'on', 'true', 1, null) },
  renewalOfId: optionalId,
  milestones: {
    valid: fc.array(fc.record({ title: validText(200), type: fc.constantFrom(...milestoneTypes), dueDate: validDate }), { maxLength: 3 }),
    invalid: fc.oneof(
      fc.constantFrom('none', {}, [null], [{}], [{ title: 'x', type: 'delivery' }]),
      fc.array(fc.constant({ title: 'm', type: 'delivery', dueDate: '2026-01-01' }), { minLength: 51, maxLength: 55 }),
      fc.record({ title: invalidRequiredText(200), type: fc.constant('delivery'), dueDate: fc.constant('2026-01-01') }).map((m) => [m]),
      fc.record({ title: fc.constant('m'), type: invalidEnum(milestoneTypes), dueDate: fc.constant('2026-01-01') }).map((m) => [m]),
    ),
    optional: true,
  },
};
const fixContract = (o: Obj): Obj => {
  const c = ordered(o, 'startDate', 'endDate');
  return { ...c, milestones: Array.isArray(c.milestones) ? (c.milestones as Obj[]).map((m) => ({ ...m, dueDate: c.startDate })) : c.milestones };
};
const contractBreaks = [
  reversePeriod('startDate', 'endDate'),
  (o: Obj) => (o.startDate === '1950-01-01' ? null : { ...o, milestones: [{ title: 'm', type: 'delivery', dueDate: dayBefore(String(o.startDate)) }] }),
];

const userFields: Record<string, Field> = {
  role: choice(roles),
  departmentId: { valid: fc.oneof(validId, fc.constant(null), fc.constant('')), invalid: fc.constantFrom('abc', '-1', 0, '1.5', {}, 'NaN'), optional: true },
  contractorId: { valid: fc.oneof(validId, fc.constant(null), fc.constant('')), invalid: fc.constantFrom('abc', '-1', 0, '1.5', {}, 'NaN'), optional: true },
  name: required(100),
};
const fixUser = (o: Obj): Obj => ({
  ...o,
  departmentId: ['officer', 'approver'].includes(String(o.role)) && (o.departmentId == null || o.departmentId === '') ? 7 : o.departmentId,
  contractorId: o.role === 'contractor' && (o.contractorId == null || o.contractorId === '') ? 9 : o.contractorId,
});
const userBreaks = [
  (o: Obj) => (['officer', 'approver'].includes(String(o.role)) ? { ...o, departmentId: '' } : null),
  (o: Obj) => (o.role === 'contractor' ? { ...o, contractorId: null } : null),
];

const matterUpdateFields: Record<string, Field> = {
  titleZh: required(200),
  titleEn: required(300),
  descriptionZh: optional(4000),
  descriptionEn: optional(4000),
  category: choice(matterCategories),
  legalBasis: optional(1000),
  serviceStandard: optional(2000),
  annualBudgetFen: fen,
};
const { annualBudgetFen: _budget, ...matterFormFields } = matterUpdateFields;
void _budget;
const contractorProfile: Record<string, Field> = {
  nameZh: required(200),
  nameEn: required(300),
  kind: choice(contractorKinds),
  legalRepresentative: required(100),
  contactPhone: phone,
  contactEmail: optionalEmail,
  qualifications: optional(2000),
};

const specs: Record<string, Spec> = {
  // contracts
  milestoneInput: { schema: milestoneInput, fields: { title: required(200), type: choice(milestoneTypes), dueDate: date } },
  contractDraftInput: { schema: contractDraftInput, fields: contractFields, fix: fixContract, breaks: contractBreaks },
  contractDraftForm: { schema: contractDraftForm, fields: { ...contractFields, valueFen: positiveYuan, procurement: { valid: fc.record({ method: fc.string() }) } }, fix: fixContract, breaks: contractBreaks },
  contractTransitionInput: {
    schema: contractTransitionInput,
    fields: { contractId: id, transition: choice(contractTransitionNames), reason: optional(2000), expectedStatus: choice(contractStatuses, true) },
  },
  milestoneStatusInput: { schema: milestoneStatusInput, fields: { milestoneId: id, status: choice(milestoneStatuses) } },
  paymentInput: { schema: paymentInput, fields: { contractId: id, amountFen: positiveFen, paidOn: date, milestoneId: optionalId } },
  paymentForm: { schema: paymentForm, fields: { contractId: id, amountFen: positiveYuan, paidOn: date, milestoneId: optionalId } },
  amendmentInput: {
    schema: amendmentInput,
    fields: { contractId: id, newValueFen: { ...positiveFen, optional: true }, newEndDate: optionalDate, newTerms: optional(8000), rationale: required(2000) },
  },
  amendmentForm: {
    schema: amendmentForm,
    fields: { contractId: id, newValueFen: { valid: fc.oneof(validYuan, fc.constant('')), invalid: invalidYuan.filter((v) => v !== '' && v !== ' ' && v !== null), optional: true }, newEndDate: optionalDate, newTerms: optional(8000), rationale: required(2000) },
  },
  amendmentDecisionInput: { schema: amendmentDecisionInput, fields: { amendmentId: id, decision: choice(['approve', 'reject']), comment: optional(2000) } },
  // deliverables
  indicatorValues: {
    schema: indicatorValues,
    value: {
      valid: indicators,
      invalid: fc.oneof(
        fc.tuple(indicators, badIndicatorName, fc.integer({ min: 0, max: 10 })).map(([r, k, v]) => ({ ...r, [k]: v })),
        fc.tuple(indicators, indicatorName, badIndicatorValue).map(([r, k, v]) => ({ ...r, [k]: v })),
        fc.dictionary(indicatorName, fc.constant(1), { minKeys: 31, maxKeys: 40 }).filter((r) => Object.keys(r).length > 30),
        fc.constantFrom(null, 'x', 1, [1]),
      ),
    },
  },
  deliverableInput: {
    schema: deliverableInput,
    fields: {
      contractId: id,
      milestoneId: optionalId,
      title: required(200),
      periodStart: date,
      periodEnd: date,
      description: optional(8000),
      // Results by indicator code (lib/results): the code's shape is checked here, the value by unit in the use case.
      results: { valid: indicators, invalid: fc.tuple(indicators, badIndicatorName).map(([r, k]) => ({ ...r, [k]: 1 })), optional: true },
      supersedesId: optionalId,
    },
    fix: (o) => ordered(o, 'periodStart', 'periodEnd'),
    breaks: [reversePeriod('periodStart', 'periodEnd')],
  },
  deliverableReviewInput: {
    schema: deliverableReviewInput,
    fields: { deliverableId: id, decision: choice(['accept', 'return']), comment: optional(2000) },
    fix: (o) => (o.decision === 'return' && !String(o.comment ?? '').trim() ? { ...o, comment: '请补充照片' } : o),
    breaks: [(o) => (o.decision === 'return' ? { ...o, comment: ' ' } : null)],
  },
  // evaluations
  evaluationInput: {
    schema: evaluationInput,
    fields: {
      contractId: id,
      evaluatorKind: choice(evaluatorKinds),
      periodStart: date,
      periodEnd: date,
      scores: {
        valid: scores,
        invalid: fc.oneof(
          fc.constant({}),
          fc.tuple(scores, indicatorName, badScore).map(([r, k, v]) => ({ ...r, [k]: v })),
          fc.tuple(scores, badIndicatorName).map(([r, k]) => ({ ...r, [k]: 50 })),
          fc.dictionary(indicatorName, fc.constant(50), { minKeys: 21, maxKeys: 25 }).filter((r) => Object.keys(r).length > 20),
        ),
      },
      comment: optional(4000),
    },
    fix: (o) => ordered(o, 'periodStart', 'periodEnd'),
    breaks: [reversePeriod('periodStart', 'periodEnd')],
  },
  evaluatorAssignmentInput: { schema: evaluatorAssignmentInput, fields: { contractId: id, userId: id } },
  // matters
  matterInput: {
    schema: matterInput,
    fields: { code: { valid: matterCode, invalid: invalidMatterCode }, ...matterUpdateFields, departmentId: id, catalogueStatus: choice(catalogueStatuses, true), withdrawalReason: optional(1000) },
    fix: (o) => (o.catalogueStatus === 'withdrawn' && !String(o.withdrawalReason ?? '').trim() ? { ...o, withdrawalReason: '撤回' } : o),
    breaks: [(o) => ({ ...o, catalogueStatus: 'withdrawn', withdrawalReason: undefined })],
  },
  matterUpdateInput: { schema: matterUpdateInput, fields: { matterId: id, ...matterUpdateFields } },
  matterStatusInput: {
    schema: matterStatusInput,
    fields: { matterId: id, to: choice(catalogueStatuses), reason: optional(1000) },
    fix: (o) => (o.to === 'withdrawn' && !String(o.reason ?? '').trim() ? { ...o, reason: '不再需要' } : o),
    breaks: [(o) => ({ ...o, to: 'withdrawn', reason: '  ' })],
  },
  matterForm: { schema: matterForm, fields: { ...matterFormFields, annualBudgetFen: yuan } },
  newMatterForm: { schema: newMatterForm, fields: { ...matterFormFields, annualBudgetFen: yuan, code: { valid: matterCode, invalid: invalidMatterCode }, departmentId: id } },
  // contractors
  creditCode: { schema: creditCode, value: { valid: validUscc, invalid: invalidUscc } },
  contractorInput: {
    schema: contractorInput,
    fields: { ...contractorProfile, creditCode: { valid: validUscc, invalid: invalidUscc }, verificationStatus: choice(verificationStatuses, true), statusReason: optional(1000) },
    fix: (o) => (['suspended', 'debarred'].includes(String(o.verificationStatus)) && !String(o.statusReason ?? '').trim() ? { ...o, statusReason: '抽查' } : o),
    breaks: [(o) => ({ ...o, verificationStatus: 'debarred', statusReason: '' })],
  },
  contractorUpdateInput: { schema: contractorUpdateInput, fields: { contractorId: id, ...contractorProfile } },
  verificationChangeInput: { schema: verificationChangeInput, fields: { contractorId: id, to: choice(verificationStatuses), reason: optional(1000) } },
  // departments
  departmentInput: { schema: departmentInput, fields: { code: { valid: deptCode, invalid: badDeptCode }, nameZh: required(100), nameEn: required(200), kind: choice(departmentKinds) } },
  // users
  userInput: {
    schema: userInput,
    fields: { email: { valid: validEmail, invalid: invalidEmail }, ...userFields, passwordHash: { valid: fc.oneof(fc.constant(null), fc.string({ minLength: 1, maxLength: 20 })), invalid: fc.constantFrom('', 1, {}), optional: true } },
    fix: fixUser,
    breaks: userBreaks,
  },
  userUpdateInput: { schema: userUpdateInput, fields: { userId: id, ...userFields }, fix: fixUser, breaks: userBreaks },
  userIdInput: { schema: userIdInput, fields: { userId: id } },
  passwordSchema: {
    schema: passwordSchema,
    value: {
      valid: fc.string({ minLength: 12, maxLength: 128 }).filter((s) => s.length >= 12 && s.length <= 128 && new Set(s).size > 4),
      invalid: fc.oneof(fc.string({ maxLength: 7 }), fc.string({ minLength: 129, maxLength: 400 }).filter((s) => s.length > 128), fc.constantFrom('password', 'password123', '12345678', 'qwertyuiop', 1, null, {}, ['x'.repeat(10)])),
    },
  },
  // read side: junk must never throw
  auditFilterQuery: { schema: auditFilterQuery },
  leafQuery: { schema: leafQuery },
  matterListQuery: { schema: matterListQuery },
  contractorListQuery: { schema: contractorListQuery },
};

type Case = { label: 'valid' | 'invalid' | 'junk'; input: unknown; why?: string };

function cases(spec: Spec): fc.Arbitrary<Case> {
  const junk: fc.Arbitrary<Case> = fc
    .oneof(anyValue, fc.dictionary(hostileString, anyValue, { maxKeys: 8 }), fc.dictionary(fc.constantFrom(...Object.keys(spec.fields ?? { a: 1 })), anyValue, { maxKeys: 10 }))
    .map((input) => ({ label: 'junk', input }));
  if (spec.value) {
    return fc.oneof(
      spec.value.valid.map((input): Case => ({ label: 'valid', input })),
      spec.value.invalid.map((input): Case => ({ label: 'invalid', input, why: safeShow(input) })),
      junk,
    );
  }
  if (!spec.fields) return junk;
  const fields = spec.fields;
  const fix = spec.fix ?? ((o: Obj) => o);
  const valid = fc
    .record(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.optional ? fc.option(f.valid, { nil: undefined }) : f.valid])) as Record<string, fc.Arbitrary<unknown>>)
    .map((o) => fix(o as Obj));
  const withExtras = fc.tuple(valid, extraFields(Object.keys(fields))).map(([o, extra]) => ({ ...extra, ...o }));
  const mutable = Object.entries(fields).filter(([, f]) => f.invalid);
  const requiredNames = Object.entries(fields).filter(([, f]) => !f.optional).map(([k]) => k);
  const mutations: fc.Arbitrary<[string, (o: Obj) => Obj | null]>[] = [
    fc.constantFrom(...mutable).chain(([k, f]) => f.invalid!.map((v): [string, (o: Obj) => Obj] => [`${k} := ${safeShow(v)}`, (o) => ({ ...o, [k]: v })])),
  ];
  if (requiredNames.length) mutations.push(fc.constantFrom(...requiredNames).map((k): [string, (o: Obj) => Obj] => [`without ${k}`, (o) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k))]));
  for (const [i, b] of (spec.breaks ?? []).entries()) mutations.push(fc.constant([`cross-field rule ${i}`, b]));
  const invalid = fc
    .tuple(withExtras, fc.oneof(...mutations))
    .map(([o, [why, mutate]]) => {
      const input = mutate(o);
      return input === null ? null : ({ label: 'invalid', input, why } as Case);
    })
    .filter((c): c is Case => c !== null);
  return fc.oneof({ weight: 3, arbitrary: withExtras.map((input): Case => ({ label: 'valid', input })) }, { weight: 5, arbitrary: invalid }, { weight: 2, arbitrary: junk });
}

function safeShow(v: unknown): string {
  try {
    const s = typeof v === 'string' ? JSON.stringify(v) : typeof v === 'bigint' ? `${v}n` : JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 60)}… (${s.length})` : s;
  } catch {
    return Object.prototype.toString.call(v);
  }
}

const tally = newTally();
const runs = fuzzRuns(20_000);

describe('fuzz: write-path schemas', () => {
  for (const [name, spec] of Object.entries(specs)) {
    it(`${name}: valid passes without extra fields, invalid is refused, junk never throws`, () => {
      const problems: string[] = [];
      const outcome = fc.check(
        fc.property(cases(spec), (c) => {
          tally.inputs++;
          let result: ReturnType<z.ZodType['safeParse']>;
          try {
            result = spec.schema.safeParse(c.input);
          } catch (e) {
            tally.unhandled++;
            problems.push(`threw on ${safeShow(c.input)}: ${String(e)}`);
            return false;
          }
          if (c.label === 'invalid' && result.success) {
            tally.invalidAccepted++;
            problems.push(`accepted ${c.why}`);
            return false;
          }
          if (c.label === 'valid') {
            if (!result.success) {
              problems.push(`refused a valid input ${safeShow(c.input)}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
              return false;
            }
            if (spec.fields && result.data && typeof result.data === 'object') {
              const extra = Object.keys(result.data).filter((k) => !(k in spec.fields!));
              if (extra.length) {
                tally.invalidAccepted++;
                problems.push(`let extra fields through: ${extra.join(', ')}`);
                return false;
              }
            }
          }
          return true;
        }),
        { numRuns: runs, endOnFailure: true },
      );
      // The problem, shortened (a counterexample may hold 100,000 characters).
      expect(problems.slice(0, 3).map((p) => (p.length > 300 ? `${p.slice(0, 300)}…` : p)), `seed ${outcome.seed}`).toEqual([]);
    });
  }

  afterAll(() => reportTally('schemas', tally));
});
