// Hostile inputs for the fuzz tests (*.fuzz.test.ts): fast-check arbitraries for values a forger would send,
// the checks every answer must pass (no stack traces, SQL or file paths), and the tally behind the line
// `fuzz: N inputs, N invalid accepted, N unhandled errors` that lib/testing/fuzz-summary.ts prints.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { inject } from 'vitest';

/** Generated inputs per schema, action or route: FUZZ_RUNS (npm run test:fuzz sets 20,000), else `fallback`. */
export function fuzzRuns(fallback: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

// --- strings --------------------------------------------------------------------------------------------

export const edgeCharacters = [
  '\u0000', // NUL
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085', // C1 next line
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\ufeff', // byte-order mark
  '\u2028', // line separator
  '\ufffd',
  '\u0301', // combining accent
  '👩‍👩‍👧',
  '𠜎', // astral CJK
  '龍',
  '\t',
  '\n',
  '\r',
] as const;
export const controlOrBroken = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f', '\ud800', '\udbff', '\udc00', '\udfff'] as const;

export const nastyStrings = [
  '',
  ' ',
  '   \t\n ',
  "'; drop table contracts; --",
  "' or 1=1 --",
  '" or ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%2e%2e%2f',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'toString',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e400',
  '-1e400',
  '0x1f',
  '9007199254740993',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '1,000',
  '１２３', // full-width digits
  '١٢٣', // Arabic-Indic digits
] as const;

/** Text with every kind of awkward character: control, broken Unicode, bidi, zero-width, injection, huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...edgeCharacters), fc.constantFrom(...nastyStrings), fc.string({ maxLength: 5 })), { maxLength: 12 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', '字', '\u0000', '\ud800', ' ', '9'), fc.integer({ min: 1_000, max: 120_000 })).map(([c, n]) => c.repeat(n)) },
);

/** A value of the wrong type for a form field or schema field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 3 }),
  fc.bigInt().map((b) => b),
  fc.constant(new Date(0)),
);

/** Any JSON-ish or JavaScript value, hostile strings included. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(hostileString, wrongType, fc.anything({ maxDepth: 2 }));

// --- fields -----------------------------------------------------------------------------------------------

/** Inserts `c` somewhere into `s`. */
const insertInto = (s: string, c: string, at: number) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1));

/** Plain text that fits `max`: CJK, Latin, RTL and zero-width characters included. */
export const validText = (max: number, min = 1): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 60) }),
      fc.array(fc.constantFrom('龍', '港', 'a', 'Z', ' ', '\u200d', '\u200f', 'عربي', 'é', '👩‍👩‍👧', '\n', '𠜎'), { minLength: min, maxLength: Math.min(max, 30) }).map((a) => a.join('')),
      fc.constant('字'.repeat(max)),
    )
    .filter((s) => s.trim().length >= min && s.trim().length <= max && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(s) && s.isWellFormed());

/**
 * Text that is certainly refused by a text(max) field: too long, control characters or broken Unicode.
 * `form`: as it arrives in a form post, where FormData has already replaced lone surrogates with U+FFFD.
 */
export const invalidText = (max: number, options: { form?: boolean } = {}): fc.Arbitrary<string> =>
  fc.oneof(
    // (zod counts characters, not UTF-16 units: an astral character counts once)
    fc.tuple(fc.constantFrom('x', '字', '🂡'), fc.integer({ min: 1, max: 5_000 })).map(([c, extra]) => c.repeat(max + extra)),
    // between two letters, so that trimming cannot remove it
    fc
      .tuple(validText(Math.max(1, max - 3)), fc.constantFrom(...controlOrBroken.filter((c) => !options.form || c.isWellFormed())), fc.nat())
      .map(([s, c, at]) => insertInto(`x${s}y`, `x${c}y`, at)),
  );

/** Required text: also empty and blank. */
export const invalidRequiredText = (max: number, options: { form?: boolean } = {}): fc.Arbitrary<string> => fc.oneof(invalidText(max, options), fc.constantFrom('', ' ', '\t\n', '\u3000'));

export const validId = fc.oneof(fc.integer({ min: 1, max: 2_147_483_647 }), fc.integer({ min: 1, max: 99_999 }).map(String));
/** Certainly not a positive whole number, even after coercion. */
export const invalidIdString: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 0 }).map(String),
  fc.integer({ min: 1, max: 1_000 }).map((n) => `${n}.5`),
  fc.constantFrom('', ' ', 'abc', '1a', 'a1', 'NaN', 'Infinity', '-Infinity', '1e400', '--1', '1 2', '{}', '[1]', '\u0000', '１'),
  hostileString.filter((s) => { const n = Number(s); return !(Number.isInteger(n) && n > 0); }),
);
export const invalidId: fc.Arbitrary<unknown> = fc.oneof(invalidIdString, fc.integer({ max: 0 }), fc.double({ min: 0.01, max: 1e6, noInteger: true }), fc.constant(null), fc.constant({}), fc.constant([1, 2]), fc.constant(Number.NaN));

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const validDate = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Certainly not a calendar date YYYY-MM-DD. */
export const invalidDate: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-02-29', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '0000-00-00', '2026-1-5', '26-01-05', '2026/01/05', '20260105', '2026-01-05T00:00:00Z', '9999-99-99', '', 'today', '２０２６-０１-０１'),
  fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 32, max: 99 })).map(([y, m, d]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.integer({ min: 10_000, max: 999_999 }).map((y) => `${y}-01-01`),
  wrongType,
);

/** Whole fen 0 … 10^13 (schemas coerce strings). */
export const validFen = fc.oneof(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 1e13 }).map(String));
/** Certainly not whole fen within range: negative, enormous, fractional, not a number. */
export const invalidFen: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -1e15, max: -1 }),
  fc.integer({ min: 1e13 + 1, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(1e300, -0.5, 0.5, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, '1e400', 'abc', '12abc', '1.5', '-1', '{}', '1 000', '١٢٣'),
  fc.double({ min: 0.001, max: 1e6, noInteger: true }),
  fc.constant({}),
  fc.constant([1, 2]),
);

/** A yuan amount as a person types it: up to 11 digits, up to 2 decimals, commas allowed. */
export const validYuan = fc
  .tuple(fc.integer({ min: 0, max: 99_999_999_999 }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }), fc.boolean())
  .map(([whole, fraction, commas]) => {
    const w = commas ? whole.toLocaleString('en-US') : String(whole);
    return fraction === undefined ? w : `${w}.${pad(fraction, 2)}`;
  });
/** Certainly not a yuan amount: negative, 3+ decimals, 12+ digits, exponent, letters, empty. */
export const invalidYuan: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 1, max: 1e9 }).map((n) => `-${n}`),
  fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 100, max: 99_999 })).map(([w, f]) => `${w}.${f}`),
  fc.integer({ min: 100_000_000_000, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.constantFrom('', ' ', '1e5', '0x10', 'NaN', 'Infinity', '¥100', '100元', '1.', '.5', '1..2', '1.2.3', '12 34', '\u0000', '１００', '1e400'),
  fc.integer().map((n) => n), // a number where the form sends a string
  fc.constant(null),
);

export const invalidEnum = (allowed: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(hostileString.filter((s) => !allowed.includes(s)), fc.constantFrom(...allowed).map((s) => ` ${s}`), fc.constantFrom(...allowed).map((s) => s.toUpperCase()).filter((s) => !allowed.includes(s)), wrongType);

/** Keys a forger adds to a form or payload, with hostile values. */
export const massAssignmentKeys = ['id', 'role', 'status', 'departmentId', 'contractorId', 'draftedBy', 'approvedBy', 'reviewedBy', 'submittedBy', 'recordedBy', 'passwordHash', 'mustChangePassword', 'sessionVersion', 'disabled', 'verificationStatus', 'catalogueStatus', 'grade', 'overallScore', 'hash', 'prevHash', 'seq', 'createdAt', '__proto__', 'constructor', 'prototype'] as const;
export const extraFields = (taken: readonly string[]): fc.Arbitrary<Record<string, string>> =>
  fc.dictionary(fc.constantFrom(...massAssignmentKeys.filter((k) => !taken.includes(k))), hostileString, { maxKeys: 4 });

// --- what no answer may show -----------------------------------------------------------------------------

const leakPatterns: [string, RegExp][] = [
  ['stack trace', /\bat (?:async )?[\w$.<>]+ \(|\bat [^\s]+:\d+:\d+|Error: .*\n\s+at /],
  ['file path', /(?:\/work\/|\/home\/|\/tmp\/|\/usr\/|\/var\/|node_modules|\.next\/|[A-Z]:\\|\.tsx?:\d+|\.m?js:\d+)/],
  ['SQL', /\bSQLITE_\w+|\bselect\b[\s\S]{1,200}\bfrom\b|\binsert into\b|\bupdate\b\s+"?\w+"?\s+set\b|\bdelete from\b|constraint failed|no such (?:table|column)|syntax error/i],
];

/** Why this text must not reach a client, or null. */
export function leakIn(text: string): string | null {
  for (const [what, pattern] of leakPatterns) if (pattern.test(text)) return `${what}: ${pattern.exec(text)![0].slice(0, 80)}`;
  return null;
}

// --- the tally ---------------------------------------------------------------------------------------------

export type Tally = { inputs: number; invalidAccepted: number; unhandled: number; failures: string[] };
export const newTally = (): Tally => ({ inputs: 0, invalidAccepted: 0, unhandled: 0, failures: [] });

/** Adds a test file's counts to the run's tally (summed and printed by lib/testing/fuzz-summary.ts). */
export function reportTally(label: string, t: Tally): void {
  let dir: string | undefined;
  try {
    dir = inject('fuzzTallyDir');
  } catch {
    dir = undefined;
  }
  const line = JSON.stringify({ label, inputs: t.inputs, invalidAccepted: t.invalidAccepted, unhandled: t.unhandled });
  if (dir) appendFileSync(path.join(dir, 'tally.jsonl'), `${line}\n`);
  else console.log(`fuzz (${label}): ${t.inputs} inputs, ${t.invalidAccepted} invalid accepted, ${t.unhandled} unhandled errors`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzTallyDir: string;
  }
}
