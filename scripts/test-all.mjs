// npm test — type-check, lint, the dependency advisory check, unit tests, production build, end-to-end tests; ends with one line
// `N passed, N failed` summing every runner. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const work = mkdtempSync(path.join(tmpdir(), 'registry-test-'));
const totals = { passed: 0, failed: 0 };
const lines = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${[path.basename(cmd), ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
}

function single(label, cmd, args, env) {
  const r = run(label, cmd, args, env);
  if (r.ok) totals.passed++;
  else totals.failed++;
  lines.push(`${label}: ${r.ok ? 'passed' : 'FAILED'} (${r.seconds} s)`);
  return r.ok;
}

/** A runner that prints one figure line (matched by `figure`): 1 passed or 1 failed, its figure in the summary. */
function figured(label, cmd, args, env, figure) {
  console.log(`\n=== ${label}: ${[path.basename(cmd), ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const line = (r.stdout ?? '').split('\n').find((l) => figure.test(l));
  const ok = r.status === 0 && line !== undefined;
  if (ok) totals.passed++;
  else totals.failed++;
  lines.push(`${label}: ${ok ? 'passed' : 'FAILED'} (${seconds} s)${line ? `: ${line.trim()}` : ''}`);
  return ok;
}

function counted(label, cmd, args, env, readCounts) {
  const r = run(label, cmd, args, env);
  const counts = readCounts();
  if (!counts) {
    totals.failed++;
    lines.push(`${label}: FAILED, no results (${r.seconds} s)`);
    return;
  }
  // A runner that failed without a failed test (crashed, or an error outside tests) still counts a failure.
  const failed = counts.failed + (!r.ok && counts.failed === 0 ? 1 : 0);
  totals.passed += counts.passed;
  totals.failed += failed;
  lines.push(`${label}: ${counts.passed} passed, ${failed} failed (${r.seconds} s)`);
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

single('typecheck', bin('tsc'), ['--noEmit']);
single('lint', bin('eslint'), ['.', '--max-warnings=0']);
single('advisories', process.execPath, [path.join(root, 'scripts', 'check-advisories.mjs')]);

const vitestOut = path.join(work, 'vitest.json');
const fuzzOut = path.join(work, 'fuzz.txt');
counted('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestOut}`], { FUZZ_SUMMARY_FILE: fuzzOut }, () => {
  const j = readJson(vitestOut);
  return j && { passed: j.numPassedTests, failed: j.numFailedTests };
});
// The hostile-input figure the fuzz tests (*.fuzz.test.ts, part of the unit run) printed.
if (existsSync(fuzzOut)) lines.push(`unit, ${readFileSync(fuzzOut, 'utf8').trim()}`);

const built = single('build', bin('next'), ['build']);

if (built) {
  // Durability, short form (npm run test:crash runs 20 kills): kill -9 the production server under concurrent writes.
  figured('crash', bin('tsx'), ['scripts/crash-test.ts', '--kills', process.env.CRASH_KILLS ?? '3'], {}, /^crash: \d+ kills, \d+ acknowledged writes, \d+ lost$/);
} else {
  totals.failed++;
  lines.push('crash: not run, the build failed');
}

if (built) {
  const e2eDir = mkdtempSync(path.join(tmpdir(), 'registry-e2e-'));
  counted('e2e', bin('playwright'), ['test'], { E2E_DATA_DIR: e2eDir }, () => {
    const j = readJson(path.join(e2eDir, 'playwright-results.json'));
    return j && { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected };
  });
} else {
  totals.failed++;
  lines.push('e2e: not run, the build failed');
}

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
