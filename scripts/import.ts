// npm run import -- FILE.csv [FILE.csv …] [--dry-run]
// Imports departments, contractors and matters (the kind is read from each file's header) through the
// same validated use cases as the web import: every row or none. Prints every bad row with its row
// number, column and reason.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { systemActor } from '../lib/auth/actor';
import { importCatalogue } from '../lib/catalogue/import';
import { getEnv } from '../lib/env';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
if (positionals.length === 0) {
  console.error('usage: npm run import -- FILE.csv [FILE.csv …] [--dry-run]');
  process.exit(2);
}
const files = positionals.map((p) => ({ name: path.basename(p), text: readFileSync(p, 'utf8') }));
const db = openDatabase(getEnv().DATABASE_PATH);
const report = importCatalogue(db, systemActor('command line (import)'), files, { dryRun: values['dry-run'], source: positionals.join(', ') });
for (const p of report.problems) console.error(`${p.file} row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.reason}`);
const counts = `${report.counts.departments} departments, ${report.counts.contractors} contractors, ${report.counts.matters} matters`;
if (!report.ok) {
  console.error(`import: ${report.problems.length} problem(s); nothing was written`);
  process.exit(1);
}
console.log(report.dryRun ? `import: dry run passed: ${counts} would be imported` : `import: imported ${counts}`);
