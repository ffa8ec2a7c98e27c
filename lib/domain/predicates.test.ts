import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/db';
import {
  isInService,
  isSubmittedOnTime,
  ON_TIME_GRACE_DAYS,
  publishedCatalogueStatuses,
  publishedContractStatuses,
  runningContractStatuses,
  settlingContractStatuses,
  sqlIn,
  sqlList,
  submittedOnTimeSql,
} from './predicates';

// Each predicate has one home, lib/domain/predicates.ts. This test reads the code and fails when a status
// list of one of them, the "has an active contract" half of "in service", or the on-time rule is spelled
// anywhere else: in SQL text, in a Drizzle `inArray`, in an `.includes` list or as a chain of comparisons.

const root = process.cwd();

/** The sets that must not be spelled out elsewhere (as sets: the order does not matter). */
const definitions: Record<string, readonly string[]> = {
  publishedContractStatuses,
  runningContractStatuses,
  settlingContractStatuses,
  publishedCatalogueStatuses,
};

/** Scanned: TypeScript under these folders, and the migrations after the last one that spelled predicates out. */
const scannedDirs = ['lib', 'app', 'scripts', 'db'];
/** Migrations up to 0009 are history: applied migrations cannot change. 0010 dropped the triggers they wrote. */
const lastHistoricMigration = 9;

/** Not scanned, and why. */
const notScanned: Record<string, string> = {
  'lib/domain/predicates.ts': 'the home of the predicates',
  // Test-only: it counts every figure again "with none of the application's SQL or predicates", from DESIGN.md,
  // so that a wrong predicate shows up as a figure that differs from the design's.
  'lib/figures/recount.ts': 'the independent recount the figures are checked against',
};

/**
 * Files that still spell a predicate and are someone else's to change right now. Each must still have a
 * finding (the test below fails once it is fixed, so that its entry is removed): the list only shrinks.
 */
const pendingElsewhere: Record<string, string> = {};

type Finding = { file: string; line: number; rule: string; text: string };

const sameSet = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((v) => b.includes(v));
const definitionOf = (values: string[]) => Object.entries(definitions).find(([, set]) => sameSet(values, set))?.[0];
const quoted = (text: string) => [...text.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);

const rules: { rule: string; pattern: RegExp; isViolation?: (match: string) => string | null }[] = [
  {
    // in ('active', 'suspended' …) in SQL text; ['active', 'suspended' …] for inArray or .includes, or a tuple.
    rule: 'status list',
    pattern: /\bin\s*\(\s*'[a-z_]+'(?:\s*,\s*'[a-z_]+')+\s*\)|\[\s*'[a-z_]+'(?:\s*,\s*'[a-z_]+')+\s*,?\s*\]/gi,
    isViolation: (m) => {
      const name = definitionOf(quoted(m));
      return name ? `spells ${name}` : null;
    },
  },
  {
    // status = 'active' or status = 'suspended' …; c.status === 'listed' || c.status === 'withdrawn' …
    rule: 'status comparisons',
    pattern: /(?:[\w."+]*status\w*"?\s*(?:={1,3})\s*'[a-z_]+'\s*(?:\|\||\bor\b)\s*)+[\w."+]*status\w*"?\s*(?:={1,3})\s*'[a-z_]+'/gi,
    isViolation: (m) => {
      const name = definitionOf(quoted(m));
      return name ? `spells ${name} as comparisons` : null;
    },
  },
  {
    // The "held by an active contract" half of "in service": use hasActiveContractSql / inServiceSql.
    rule: 'in service',
    pattern: /exists\s*\(\s*select\s+1\s+from\s+contracts\s+\w+\s+where[^()]*?\bstatus\s*(?:=\s*'active'|in\s*\(\s*'active'\s*\))/gi,
  },
  {
    // The on-time rule in SQL: use submittedOnTimeSql.
    rule: 'on time',
    pattern: new RegExp(String.raw`'\+${ON_TIME_GRACE_DAYS} days'|date\([^()]*'\+8 hours'\)\s*<=\s*date\(`, 'g'),
  },
  {
    // Another constant for the grace days: use ON_TIME_GRACE_DAYS.
    rule: 'grace days',
    pattern: /\b[A-Z_]*(?:GRACE|ON_TIME)[A-Z_]*\s*=\s*\d+/g,
  },
];

/** Every place in `text` that spells a predicate outside its home. */
function findPredicateSpellings(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, pattern, isViolation } of rules) {
    for (const m of text.matchAll(pattern)) {
      const why = isViolation ? isViolation(m[0]) : rule;
      if (why === null) continue;
      findings.push({ file, line: text.slice(0, m.index).split('\n').length, rule: why, text: m[0].replace(/\s+/g, ' ').slice(0, 120) });
    }
  }
  return findings;
}

function scannedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !(rel in notScanned)) out.push(rel);
    }
  };
  for (const dir of scannedDirs) walk(dir);
  for (const name of readdirSync(path.join(root, 'db/migrations'))) {
    const n = /^(\d{4})_.*\.sql$/.exec(name);
    if (n && Number(n[1]) > lastHistoricMigration) out.push(`db/migrations/${name}`);
  }
  return out.sort();
}

describe('each predicate has one home', () => {
  it('no code outside lib/domain/predicates.ts spells a status list, in service or on time', () => {
    const files = scannedFiles();
    expect(files.length).toBeGreaterThan(100);
    const findings = files.filter((f) => !(f in pendingElsewhere)).flatMap((f) => findPredicateSpellings(f, readFileSync(path.join(root, f), 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`)).toEqual([]);
  });

  it('the files left to others still need their change (remove an entry once it is done)', () => {
    for (const file of Object.keys(pendingElsewhere)) expect(findPredicateSpellings(file, readFileSync(path.join(root, file), 'utf8')), file).not.toEqual([]);
  });

  it('catches each way of spelling a predicate', () => {
    const spelled = [
      `select count(*) from contracts where status in ('active', 'suspended', 'completed', 'terminated')`,
      `where c.status IN ('terminated', 'completed', 'suspended', 'active')`,
      `inArray(contracts.status, ['active', 'suspended'])`,
      `if (!['active', 'suspended', 'completed'].includes(c.status))`,
      `where catalogue_status in ('listed', 'withdrawn')`,
      `where status = 'active' or status = 'suspended'`,
      `c.catalogueStatus === 'listed' || c.catalogueStatus === 'withdrawn'`,
      `exists (select 1 from contracts ac where ac.matter_id = m.id and +ac.status = 'active')`,
      `date(d.submitted_at, '+8 hours') <= date(d.period_end, '+30 days')`,
      `export const ON_TIME_DAYS = 30;`,
    ];
    for (const text of spelled) expect(findPredicateSpellings('x.ts', text), text).not.toEqual([]);
    const other = [
      `status in ('draft', 'pending_approval')`,
      `verified: ['suspended', 'debarred']`,
      `['active', 'completed'].includes(c.status)`,
      `status = 'active'`,
      "`where ${sqlIn('c.status', publishedContractStatuses)}`",
      `transitionJson('active', 'suspended', { reason })`,
    ];
    for (const text of other) expect(findPredicateSpellings('x.ts', text), text).toEqual([]);
  });
});

describe('the predicates', () => {
  it('write SQL lists and conditions', () => {
    expect(sqlList(['a', "it's"])).toBe(`('a', 'it''s')`);
    expect(sqlIn('c.status', publishedContractStatuses)).toBe(`c.status in ('active', 'suspended', 'completed', 'terminated')`);
    expect(sqlIn('status', ['active'])).toBe(`status = 'active'`);
    expect(() => sqlList([])).toThrow(RangeError);
  });

  it('nest: running contracts are settling, settling ones are published', () => {
    for (const s of runningContractStatuses) expect(settlingContractStatuses).toContain(s);
    for (const s of settlingContractStatuses) expect(publishedContractStatuses).toContain(s);
  });

  it('in service: listed and held by an active contract', () => {
    expect(isInService('listed', 1)).toBe(true);
    expect(isInService('listed', 0)).toBe(false);
    expect(isInService('withdrawn', true)).toBe(false);
    expect(isInService('draft', true)).toBe(false);
  });

  it('on time: the same answer in TypeScript and in SQL, at the edge of the Shanghai day', () => {
    const sqlite = testDb().$client;
    const onTimeInSql = sqlite.prepare(`select ${submittedOnTimeSql('?', '?')}`).pluck();
    const cases: [string, string, boolean][] = [
      ['2026-04-30T15:59:59.000Z', '2026-03-31', true], // 23:59:59 on 30 April in Shanghai, the 30th day
      ['2026-04-30T16:00:00.000Z', '2026-03-31', false], // 1 May in Shanghai
      ['2026-03-01T00:00:00.000Z', '2026-03-31', true],
      ['2026-12-31T16:30:00.000Z', '2026-12-01', false], // 1 January in Shanghai
    ];
    for (const [submittedAt, periodEnd, expected] of cases) {
      expect(isSubmittedOnTime(submittedAt, periodEnd), `${submittedAt} ${periodEnd}`).toBe(expected);
      expect(onTimeInSql.get(submittedAt, periodEnd) === 1, `${submittedAt} ${periodEnd} in SQL`).toBe(expected);
    }
  });
});
