// Run by scripts/bench.ts (with --conditions=react-server, as the server runs lib/public/*): the rate at which
// a bare Node script reads and serializes the published contracts' download rows from the same database
// file, with no server in between — the baseline the CSV download is compared with. Prints JSON.
import Database from 'better-sqlite3';
import { contractDownloadColumns, iterateContractRows } from '../lib/public/download-rows';

const db = new Database(process.env.DATABASE_PATH!, { readonly: true });
const started = performance.now();
let rows = 0;
let bytes = 0;
for (const row of iterateContractRows(db)) {
  bytes += contractDownloadColumns.map((c) => JSON.stringify(row[c] ?? '')).join(',').length + 1;
  rows++;
}
db.close();
console.log(JSON.stringify({ rows, bytes, rate: rows / ((performance.now() - started) / 1000) }));
