// npm run db:synth -- --scale province|national|tiny [--seed N] --out FILE [--force] [--indexes after|during]
// Writes a synthetic registry (see lib/synth/generate.ts) into a new SQLite file, printing progress, the
// final rates and the totals per table. Refuses to overwrite FILE unless --force.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSynthetic, synthScales, SYNTH_PASSWORD, type SynthScale } from '../lib/synth/generate';

function usage(message: string): never {
  console.error(`synth: ${message}`);
  console.error('usage: npm run db:synth -- --scale province|national|tiny [--seed N] --out FILE [--force] [--indexes after|during]');
  process.exit(2);
}

let values;
try {
  values = parseArgs({
    options: {
      scale: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      indexes: { type: 'string', default: 'after' },
    },
  }).values;
} catch (e) {
  usage((e as Error).message);
}
const scale = values.scale as SynthScale | undefined;
if (!scale || !(scale in synthScales)) usage(`--scale must be one of ${Object.keys(synthScales).join(', ')}`);
if (!values.out) usage('--out FILE is required');
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) usage('--seed must be an integer from 0 to 4294967295');
if (values.indexes !== 'after' && values.indexes !== 'during') usage('--indexes must be after or during');
const out = values.out;
if (existsSync(out) && !values.force) usage(`${out} exists; pass --force to replace it`);

// Build beside the target and rename at the end, so a failed run never leaves a half-written FILE.
const partial = `${out}.partial`;
for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(f, { force: true });

console.log(`synth: scale ${scale} (factor ${synthScales[scale]}), seed ${seed}, indexes ${values.indexes} the load, into ${out}`);
const report = generateSynthetic({ file: partial, factor: synthScales[scale], seed, indexes: values.indexes, log: (line) => console.log(line) });

for (const f of [out, `${out}-wal`, `${out}-shm`]) rmSync(f, { force: true });
renameSync(partial, out);
for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });

const { total, load, indexes } = report.seconds;
const pad = Math.max(...Object.keys(report.counts).map((k) => k.length));
console.log('synth: totals');
for (const [table, n] of Object.entries(report.counts)) console.log(`  ${table.padEnd(pad)}  ${n.toLocaleString('en').padStart(12)}`);
console.log(`  ${'all rows'.padEnd(pad)}  ${report.rows.toLocaleString('en').padStart(12)}`);
console.log(
  `synth: done in ${total.toFixed(1)} s (load ${load.toFixed(1)} s, indexes ${indexes.toFixed(1)} s): ` +
    `${Math.round(report.rows / total).toLocaleString('en')} rows/s, ${Math.round(report.events / total).toLocaleString('en')} events/s overall; ` +
    `${Math.round(report.rows / load).toLocaleString('en')} rows/s during the load`,
);
console.log(`synth: audit head ${report.headHash} after ${report.events.toLocaleString('en')} events`);
console.log(`synth: every synthetic account's password is ${SYNTH_PASSWORD} (e.g. admin@synth.example); check with DATABASE_PATH=${out} npm run audit:verify`);
