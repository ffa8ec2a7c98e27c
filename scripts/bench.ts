// npm run bench [-- --scale province|national] [--seed N] [--duration SEC] [--port P] [--write-seconds SEC] [--write-clients N]
//
// Builds the app when needed, then for two databases — the Longgang sample data (demo seed) and a synthetic
// registry (`npm run db:synth`, cached under .bench/ by scale, seed and a digest of the schema and
// generator) — starts the production server (`next start`, stopped by its PID), and measures side by side
// with autocannon in a separate process on 127.0.0.1 (10 connections, --duration seconds each): a static
// page, the cached public pages, the query-dependent pages, the JSON API list and one officer's desk. Then
// on the large database: `audit:verify` events/s, the CSV and OCDS downloads of every contract, and
// concurrent writes (contractor reporters submitting deliverables through the real server action, as a
// browser without JavaScript would). Prints a table and ends with one line:
//   bench: worst cached/static X, worst large/sample p50 Y, worst p99 Z ms
// Timings are measurements, not tests: nothing here fails on a slow number, only on a broken run.
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { encode } from 'next-auth/jwt';
import { hasActiveContractSql, publishedMatterSql, servingCatalogueStatuses, sqlIn } from '../lib/domain/predicates';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const benchDir = path.join(root, '.bench');
const AUTH_SECRET = 'bench-secret-0123456789-abcdefghijklmnop-bench';
const COOKIE = 'next-auth.session-token';
const SAMPLE_OFFICER = 'officer@demo.longgang.example';
/** Contracts of the sample officer's department (the environment bureau) in the demo data. */
const SAMPLE_OFFICER_CONTRACTS = 26;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'province' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    port: { type: 'string', default: '3250' },
    connections: { type: 'string', default: '10' },
    'write-seconds': { type: 'string', default: '30' },
    'write-clients': { type: 'string', default: '20' },
    'mixed-rates': { type: 'string', default: '0,5,20,50' },
  },
});
if (!['province', 'national', 'tiny'].includes(args.scale!)) throw new Error('--scale must be province, national or tiny');
const duration = Number(args.duration);
const port = Number(args.port);
const connections = Number(args.connections);
const writeSeconds = Number(args['write-seconds']);
const writeClients = Number(args['write-clients']);
/** Writes per second of the mixed-load phase (0: the same pages with no writes, the reference). */
const mixedRates = args['mixed-rates']!.split(',').filter(Boolean).map(Number);
const origin = `http://127.0.0.1:${port}`;

const log = (line: string) => console.log(`bench: ${line}`);

// ---------- build ----------

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name.endsWith('.test.ts')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const sources = ['app', 'lib', 'db', 'messages'].map((d) => path.join(root, d)).filter(existsSync);
  const configs = ['next.config.js', 'package.json', 'postcss.config.mjs', 'proxy.ts'].map((f) => path.join(root, f)).filter(existsSync);
  const newest = Math.max(...sources.map(newestSource), ...configs.map((f) => statSync(f).mtimeMs));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newest) return;
  log('building the app (next build)…');
  const r = spawnSync(bin('next'), ['build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('next build failed');
}

// ---------- databases ----------

type Dataset = { name: 'sample' | 'large'; label: string; dir: string; env: NodeJS.ProcessEnv };

function datasetEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_PATH: path.join(dir, 'registry.db'),
    UPLOAD_DIR: path.join(dir, 'uploads'),
    AUDIT_KEY_PATH: path.join(dir, 'audit-signing-key.pem'),
    REGISTRY_MODE: 'demo',
    AUTH_SECRET,
    CHECKPOINT_INTERVAL_MINUTES: '0',
    NEXT_TELEMETRY_DISABLED: '1',
  };
}

function freshDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'uploads'), { recursive: true });
}

function prepare(ds: Dataset) {
  const r = spawnSync(bin('tsx'), [path.join(root, 'scripts', 'prepare.ts')], { cwd: root, env: ds.env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`prepare failed for ${ds.label}`);
}

/** The synthetic database is cached by scale, seed and a digest of what shapes it (migrations, generator, generated triggers). */
function synthDigest(): string {
  const h = createHash('sha256');
  for (const dir of ['db/migrations', 'db/schema', 'lib/synth']) {
    for (const f of readdirSync(path.join(root, dir)).sort()) {
      const full = path.join(root, dir, f);
      if (statSync(full).isFile() && !f.endsWith('.test.ts')) h.update(f).update(readFileSync(full));
    }
  }
  for (const f of ['lib/domain/predicates.ts', 'lib/public/count-triggers.ts']) h.update(f).update(readFileSync(path.join(root, f)));
  return h.digest('hex').slice(0, 12);
}

function sampleDataset(): Dataset {
  const dir = path.join(benchDir, 'run-sample');
  freshDir(dir);
  const ds: Dataset = { name: 'sample', label: 'sample', dir, env: datasetEnv(dir) };
  prepare(ds);
  return ds;
}

function largeDataset(): Dataset {
  const cached = path.join(benchDir, `synth-${args.scale}-${args.seed}-${synthDigest()}.db`);
  if (!existsSync(cached)) {
    for (const f of readdirSync(benchDir)) if (f.startsWith(`synth-${args.scale}-${args.seed}-`)) rmSync(path.join(benchDir, f), { force: true });
    log(`generating the ${args.scale} database (seed ${args.seed}) into ${path.relative(root, cached)}…`);
    const r = spawnSync(bin('tsx'), [path.join(root, 'scripts', 'db-synth.ts'), '--scale', args.scale!, '--seed', args.seed!, '--out', cached, '--force'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('db:synth failed');
  }
  const dir = path.join(benchDir, `run-${args.scale}`);
  freshDir(dir);
  // A working copy: the run writes sessions and deliverables into it; the cached file stays pristine.
  copyFileSync(cached, path.join(dir, 'registry.db'), fsConstants.COPYFILE_FICLONE);
  const ds: Dataset = { name: 'large', label: args.scale!, dir, env: datasetEnv(dir) };
  prepare(ds);
  return ds;
}

// ---------- server ----------

type Server = { child: ChildProcess; logFile: string };

async function startServer(ds: Dataset): Promise<Server> {
  const logFile = path.join(ds.dir, 'server.log');
  const out = openSync(logFile, 'a');
  const child = spawn(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env: { ...ds.env, PORT: String(port) }, stdio: ['ignore', out, out] });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${logFile}`);
    try {
      const r = await fetch(`${origin}/api/health`);
      if (r.ok) return { child, logFile };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the server did not answer within 60 s; see ${logFile}`);
}

async function stopServer(server: Server) {
  const { child } = server;
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (const pid of treePids(child.pid!).reverse()) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // gone already
    }
  }
  await Promise.race([exited, sleep(10_000)]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The PID and every descendant's (next start may fork its server). */
function treePids(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

function rssKb(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]);
    } catch {
      // exited
    }
  }
  return total;
}

/** Samples the server tree's resident memory every 50 ms until stopped; returns the peak in MB. */
function memoryWatch(server: Server): () => number {
  const pids = treePids(server.child.pid!);
  let peak = rssKb(pids);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssKb(pids));
  }, 50);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, rssKb(pids));
    return Math.round(peak / 1024);
  };
}

// ---------- targets ----------

type Kind = 'static' | 'cached' | 'query';
type Target = { key: string; label: string; kind: Kind; path: string; cookie?: string };

async function mintSession(db: Database.Database, email: string): Promise<string> {
  const user = db.prepare('select id, session_version as v from users where email = ?').get(email) as { id: number; v: number } | undefined;
  if (!user) throw new Error(`no user ${email}`);
  const id = randomBytes(32).toString('base64url');
  const now = new Date().toISOString();
  db.prepare(`insert into sessions (id, user_id, session_version, method, created_at, last_seen_at) values (?, ?, ?, 'bench', ?, ?)`).run(id, user.id, user.v, now, now);
  const token = await encode({ token: { sub: String(user.id), sid: id }, secret: AUTH_SECRET, maxAge: 12 * 3600 });
  return `${COOKIE}=${token}`;
}

/** Contracts of the sample's matter page, so that the large database's matter page shows as many. */
let sampleMatterContracts = 0;

async function targetsFor(ds: Dataset): Promise<Target[]> {
  const db = new Database(ds.env.DATABASE_PATH!);
  db.pragma('busy_timeout = 5000');
  const published = (db.prepare(`select count(*) from matters where ${publishedMatterSql('catalogue_status')}`).pluck().get() as number) || 1;
  // Page 5,000, or the last full page of a smaller registry (the sample's has 20 matters like the others).
  const deepPage = Math.max(1, Math.min(5000, Math.floor(published / 20)));
  // A matter in service: in the sample the one with the most contracts; at scale one with as many contracts
  // as that (a matter page lists its whole history, so both pages show the same amount).
  const matterContracts = `(select count(*) from contracts c where c.matter_id = m.id)`;
  const matter = db
    .prepare(
      `select m.code as code, ${matterContracts} as n from matters m where m.id in (select id from matters where ${sqlIn('catalogue_status', servingCatalogueStatuses)} order by id limit 1000)
       and ${hasActiveContractSql('m.id', { alias: 'c' })}
       order by ${ds.name === 'sample' ? `${matterContracts} desc` : `abs(${matterContracts} - ?)`}, m.id limit 1`,
    )
    .get(...(ds.name === 'sample' ? [] : [sampleMatterContracts])) as { code: string; n: number };
  if (ds.name === 'sample') sampleMatterContracts = matter.n;
  const contract = db
    .prepare(`select reference from contracts c where status = 'active' and exists (select 1 from deliverables d where d.contract_id = c.id and d.status = 'accepted') order by id limit 1`)
    .pluck()
    .get() as string;
  let officer = SAMPLE_OFFICER;
  if (ds.name === 'large') {
    // An officer whose department holds as many contracts as the sample officer's (26), so that both desks
    // show the same amount and the comparison is about scale, among the first thousand departments.
    officer = db
      .prepare(
        `select u.email from users u where u.role = 'officer' and u.department_id in (select id from departments order by id limit 1000)
         order by abs((select count(*) from contracts c where c.department_id = u.department_id) - ?), u.id limit 1`,
      )
      .pluck()
      .get(SAMPLE_OFFICER_CONTRACTS) as string;
  }
  const cookie = await mintSession(db, officer);
  db.close();
  return [
    { key: 'static', label: 'static page (about)', kind: 'static', path: '/zh-CN/about' },
    { key: 'apiDocs', label: 'API page (no data, 167 KB)', kind: 'static', path: '/zh-CN/api-docs' },
    { key: 'overview', label: 'public overview', kind: 'cached', path: '/zh-CN' },
    { key: 'matter', label: 'matter page', kind: 'cached', path: `/zh-CN/matters/${encodeURIComponent(matter.code)}` },
    { key: 'contract', label: 'contract page', kind: 'cached', path: `/zh-CN/contracts/${encodeURIComponent(contract)}` },
    { key: 'list', label: 'matters list page 1', kind: 'query', path: '/zh-CN/matters' },
    { key: 'deep', label: `matters list deep page`, kind: 'query', path: `/zh-CN/matters?page=${deepPage}` },
    // Text (through the trigram index) and a category: 4 matters in the sample, a full page of 20 at scale.
    { key: 'search', label: 'filtered search', kind: 'query', path: `/zh-CN/matters?q=inspection&category=safety` },
    { key: 'api', label: 'JSON API contracts list', kind: 'query', path: '/api/public/contracts?limit=50' },
    { key: 'desk', label: 'officer desk', kind: 'query', path: '/zh-CN/desk', cookie },
  ];
}

// ---------- load ----------

type Result = { rps: number; p50: number; p99: number; errors: number; memMb: number; note?: string };

function autocannon(url: string, seconds: number, cookie?: string, conns = connections): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const cli = path.join(root, 'node_modules', 'autocannon', 'autocannon.js');
  const a = [cli, '-c', String(conns), '-d', String(seconds), '-j', '-n'];
  if (cookie) a.push('-H', `Cookie=${cookie}`);
  a.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, a, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
        requests: { average: number };
        latency: { p50: number; p99: number };
        errors: number;
        timeouts: number;
        non2xx: number;
      };
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx });
    });
  });
}

async function warm(t: Target) {
  for (let i = 0; i < 20; i++) {
    const r = await fetch(origin + t.path, { headers: t.cookie ? { cookie: t.cookie } : {}, redirect: 'manual' });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${t.path} answered ${r.status}`);
  }
}

async function measurePages(server: Server, targets: Target[]): Promise<Map<string, Result>> {
  const results = new Map<string, Result>();
  for (const t of targets) {
    await warm(t);
    const stop = memoryWatch(server);
    const r = await autocannon(origin + t.path, duration, t.cookie);
    results.set(t.key, { ...r, memMb: stop() });
    log(`  ${t.label.padEnd(26)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  errors ${r.errors}`);
  }
  return results;
}

// ---------- downloads ----------

type DownloadResult = { rows: number; seconds: number; startMb: number; memMb: number; status: number };

/** Streams a download, counting occurrences of `marker` (one per row) across chunk boundaries. */
async function download(server: Server, urlPath: string, marker: string): Promise<DownloadResult> {
  const startMb = Math.round(rssKb(treePids(server.child.pid!)) / 1024);
  const stop = memoryWatch(server);
  const started = performance.now();
  // Uncompressed: the rate of the server's rows, not of gzip on a shared core (`next start` compresses for
  // clients that ask; measured here with curl on the province CSV: about 100,000 rows/s plain, 60,000 gzipped).
  const r = await fetch(origin + urlPath, { headers: { 'accept-encoding': 'identity' } });
  let rows = 0;
  let carry = '';
  const decoder = new TextDecoder();
  const count = (text: string, final: boolean) => {
    // Occurrences that start early enough to be whole in `text`; the rest is carried into the next chunk.
    const limit = final ? text.length : text.length - (marker.length - 1);
    let i = text.indexOf(marker);
    while (i !== -1 && i < limit) {
      rows++;
      i = text.indexOf(marker, i + marker.length);
    }
    carry = final ? '' : text.slice(limit);
  };
  for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) count(carry + decoder.decode(chunk, { stream: true }), false);
  count(carry + decoder.decode(), true);
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, startMb, memMb: stop(), status: r.status };
}

// ---------- writes ----------

type WriteResult = { acked: number; errors: number; busy: number; seconds: number; lost: number; missingAudit: number; memMb: number; p50: number; p99: number };

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The hidden inputs React renders into a progressively enhanced form (action id, bound state). */
function hiddenInputs(html: string, testId: string): [string, string][] {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start === -1) throw new Error(`no form ${testId} on the page`);
  const formStart = html.lastIndexOf('<form', start);
  const formEnd = html.indexOf('</form>', start);
  const form = html.slice(formStart, formEnd);
  const inputs: [string, string][] = [];
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    if (!/type="hidden"/.test(attrs)) continue;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (name) inputs.push([decodeEntities(name), decodeEntities(value)]);
  }
  return inputs;
}

async function measureWrites(ds: Dataset, server: Server): Promise<WriteResult> {
  const db = new Database(ds.env.DATABASE_PATH!);
  db.pragma('busy_timeout = 5000');
  const clients = db
    .prepare(
      `select c.id as contractId, u.email as email, c.start_date as startDate, c.end_date as endDate from contracts c
       join users u on u.contractor_id = c.contractor_id and u.role = 'contractor' and u.disabled = 0
       where c.status = 'active' and c.id = (select max(c2.id) from contracts c2 where c2.contractor_id = c.contractor_id and c2.status = 'active')
       group by c.contractor_id order by c.contractor_id limit ?`,
    )
    .all(writeClients) as { contractId: number; email: string; startDate: string; endDate: string }[];
  if (clients.length < writeClients) log(`  only ${clients.length} contractors with an active contract and a reporter; using them all`);
  const sessions = await Promise.all(clients.map(async (c) => ({ ...c, cookie: await mintSession(db, c.email) })));
  db.close();

  const notice = JSON.parse(readFileSync(path.join(root, 'messages', 'zh-CN.json'), 'utf8')).notices.deliverableSubmitted as string;
  // Acknowledged means the notice the form shows (role="status"), not the text anywhere: the page's messages
  // for its client components carry every notice, so a refused write's page also contains it.
  const acknowledged = new RegExp(`role="status"[^>]*>${notice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}<`);
  const run = randomBytes(4).toString('hex');
  const logBefore = existsSync(server.logFile) ? readFileSync(server.logFile, 'utf8').length : 0;
  const acked: { title: string; contractId: number }[] = [];
  const latencies: number[] = [];
  let errors = 0;
  let busyInBodies = 0;
  const stop = memoryWatch(server);
  const started = performance.now();
  const endAt = started + writeSeconds * 1000;

  await Promise.all(
    sessions.map(async (s, client) => {
      const pagePath = `/zh-CN/desk/contracts/${s.contractId}`;
      const page = await fetch(origin + pagePath, { headers: { cookie: s.cookie } });
      const html = await page.text();
      if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status} to its reporter`);
      const hidden = hiddenInputs(html, 'deliverable-form');
      for (let n = 0; performance.now() < endAt; n++) {
        const title = `bench ${run} client ${client} write ${n}`;
        const form = new FormData();
        for (const [name, value] of hidden) form.append(name, value);
        form.append('title', title);
        // A month within the contract's term (a period outside it is refused).
        const periodEnd = new Date(Date.parse(`${s.startDate}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
        form.append('periodStart', s.startDate);
        form.append('periodEnd', periodEnd < s.endDate ? periodEnd : s.endDate);
        form.append('description', 'benchmark write');
        form.append('indicators.0.name', 'households_visited');
        form.append('indicators.0.value', String(n));
        const t0 = performance.now();
        try {
          const r = await fetch(origin + pagePath, { method: 'POST', body: form, headers: { cookie: s.cookie, origin }, redirect: 'manual' });
          const body = await r.text();
          latencies.push(performance.now() - t0);
          if (r.status === 200 && acknowledged.test(body)) acked.push({ title, contractId: s.contractId });
          else {
            errors++;
            if (/SQLITE_BUSY|database is locked/.test(body)) busyInBodies++;
          }
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const memMb = stop();
  const serverLog = readFileSync(server.logFile, 'utf8').slice(logBefore);
  const busy = busyInBodies + (serverLog.match(/SQLITE_BUSY|database is locked/g)?.length ?? 0);

  // Every acknowledged write is in the database once, with its audit event.
  const check = new Database(ds.env.DATABASE_PATH!, { readonly: true });
  const contractIds = [...new Set(clients.map((c) => c.contractId))];
  const stored = new Map<string, number[]>();
  for (const row of check
    .prepare(`select id, title from deliverables where contract_id in (${contractIds.map(() => '?').join(',')}) and title like ?`)
    .all(...contractIds, `bench ${run} %`) as { id: number; title: string }[]) {
    stored.set(row.title, [...(stored.get(row.title) ?? []), row.id]);
  }
  const hasEvent = check.prepare(`select 1 from audit_events where entity_type = 'deliverable' and entity_id = ? and action = 'deliverable.submitted'`);
  let lost = 0;
  let missingAudit = 0;
  for (const a of acked) {
    const ids = stored.get(a.title) ?? [];
    if (ids.length !== 1) lost++;
    else if (!hasEvent.get(String(ids[0]))) missingAudit++;
  }
  check.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? 0);
  return { acked: acked.length, errors, busy, seconds, lost, missingAudit, memMb, p50: pct(50), p99: pct(99) };
}

// ---------- mixed load ----------

type Reporter = { contractId: number; cookie: string; pagePath: string; hidden: [string, string][]; startDate: string; endDate: string };

/** Contractor reporters with an active contract, signed in, with their deliverable form's hidden fields. */
async function reporters(ds: Dataset, n: number): Promise<Reporter[]> {
  const db = new Database(ds.env.DATABASE_PATH!);
  db.pragma('busy_timeout = 5000');
  const rows = db
    .prepare(
      `select c.id as contractId, u.email as email, c.start_date as startDate, c.end_date as endDate from contracts c
       join users u on u.contractor_id = c.contractor_id and u.role = 'contractor' and u.disabled = 0
       where c.status = 'active' and c.id = (select max(c2.id) from contracts c2 where c2.contractor_id = c.contractor_id and c2.status = 'active')
       group by c.contractor_id order by c.contractor_id desc limit ?`,
    )
    .all(n) as { contractId: number; email: string; startDate: string; endDate: string }[];
  const withCookies = await Promise.all(rows.map(async (r) => ({ ...r, cookie: await mintSession(db, r.email) })));
  db.close();
  const out: Reporter[] = [];
  for (const r of withCookies) {
    const pagePath = `/zh-CN/desk/contracts/${r.contractId}`;
    const page = await fetch(origin + pagePath, { headers: { cookie: r.cookie } });
    const html = await page.text();
    if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status} to its reporter`);
    out.push({ contractId: r.contractId, cookie: r.cookie, pagePath, hidden: hiddenInputs(html, 'deliverable-form'), startDate: r.startDate, endDate: r.endDate });
  }
  return out;
}

/** One deliverable submitted through the real server action, as the write phase does; whether it was acknowledged. */
async function submitOnce(r: Reporter, title: string, acknowledged: RegExp): Promise<boolean> {
  const form = new FormData();
  for (const [name, value] of r.hidden) form.append(name, value);
  form.append('title', title);
  // A month within the contract's term, as the write phase does.
  const periodEnd = new Date(Date.parse(`${r.startDate}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  form.append('periodStart', r.startDate);
  form.append('periodEnd', periodEnd < r.endDate ? periodEnd : r.endDate);
  form.append('description', 'benchmark write');
  try {
    const res = await fetch(origin + r.pagePath, { method: 'POST', body: form, headers: { cookie: r.cookie, origin }, redirect: 'manual' });
    return res.status === 200 && acknowledged.test(await res.text());
  } catch {
    return false;
  }
}

/** Writes waiting for their answer beyond which a tick is skipped (and counted): a server that cannot keep up is not buried. */
const MAX_IN_FLIGHT = 100;

/**
 * Writers at a steady rate (one write every 1/rate s, spread over the reporters, whatever the answers'
 * latency) until `stop()`; answers how many were sent, acknowledged, and skipped because too many were waiting.
 */
function steadyWriters(list: Reporter[], rate: number, acknowledged: RegExp) {
  const run = randomBytes(4).toString('hex');
  let sent = 0;
  let acked = 0;
  let skipped = 0;
  let ticks = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let stopped = false;
  const loop = (async () => {
    while (!stopped && rate > 0) {
      const due = started + (ticks * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      if (stopped) break;
      ticks++;
      if (inFlight.size >= MAX_IN_FLIGHT) {
        skipped++;
        continue;
      }
      const r = list[sent % list.length]!;
      const p = submitOnce(r, `mixed ${run} ${sent}`, acknowledged).then((ok) => {
        if (ok) acked++;
        inFlight.delete(p);
      });
      inFlight.add(p);
      sent++;
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await Promise.all(inFlight);
    return { sent, acked, skipped, seconds: (performance.now() - started) / 1000 };
  };
}

type MixedRow = { rate: number; achieved: number; pages: Map<string, { rps: number; p99: number; p50: number; errors: number }> };

/** Each read page under autocannon while writers run at each rate; pages measured one after another. */
async function measureMixed(ds: Dataset, targets: Target[]): Promise<MixedRow[]> {
  const notice = JSON.parse(readFileSync(path.join(root, 'messages', 'zh-CN.json'), 'utf8')).notices.deliverableSubmitted as string;
  // Acknowledged by the form's notice (role="status"), as the write phase counts it.
  const acknowledged = new RegExp(`role="status"[^>]*>${notice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}<`);
  const list = await reporters(ds, writeClients);
  const read = targets.filter((t) => t.kind !== 'query' || ['list', 'search'].includes(t.key)).filter((t) => t.key !== 'apiDocs');
  const out: MixedRow[] = [];
  for (const rate of mixedRates) {
    const stop = steadyWriters(list, rate, acknowledged);
    const pages = new Map<string, { rps: number; p99: number; p50: number; errors: number }>();
    for (const t of read) {
      const r = await autocannon(origin + t.path, duration, t.cookie);
      pages.set(t.key, r);
    }
    const w = await stop();
    out.push({ rate, achieved: w.acked / w.seconds, pages });
    log(`  mixed load at ${rate} writes/s (${fmt(w.acked / w.seconds, 1)} acknowledged/s, ${w.sent - w.acked} not, ${w.skipped} skipped with ${MAX_IN_FLIGHT} waiting): ${read.map((t) => `${t.key} ${fmt(pages.get(t.key)!.rps)}/s p99 ${pages.get(t.key)!.p99}`).join(', ')}`);
  }
  return out;
}

/** The plain GET of the page a write answers with (a reporter's contract page), at the write phase's concurrency. */
async function plainGetRate(ds: Dataset): Promise<number> {
  const [r] = await reporters(ds, 1);
  if (!r) return 0;
  return (await autocannon(origin + r.pagePath, Math.max(duration, 2), r.cookie, writeClients)).rps;
}

// ---------- baselines: the same work without the server ----------

/** A bare Node script's rate of reading and serializing the published contracts' CSV rows from the same file (scripts/bench-bare.ts). */
function bareCsvRate(ds: Dataset): number {
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(root, 'scripts', 'bench-bare.ts')], { cwd: root, env: ds.env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench-bare failed: ${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { rate: number }).rate;
}

/** A bare Node script's rate of reading the stored OCDS releases (the text the feed serves) from the same file. */
function bareOcdsRate(ds: Dataset): number {
  const db = new Database(ds.env.DATABASE_PATH!, { readonly: true });
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  for (const text of db.prepare(`select data from ocds_releases`).pluck().iterate() as IterableIterator<string>) {
    bytes += String(text).length;
    rows++;
  }
  db.close();
  void bytes; // serialized, as the download does; only the rate is reported
  return rows / ((performance.now() - started) / 1000);
}

/**
 * SHA-256 over the audit trail's stored bytes (every column of every event, as a chain: prev ‖ row) on all
 * cores, one share of the rows per worker thread: the ceiling audit:verify is compared with.
 */
async function sha256Rate(ds: Dataset): Promise<number> {
  const { Worker } = await import('node:worker_threads');
  const cores = (await import('node:os')).cpus().length;
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const { createHash } = require('node:crypto');
    const db = new Database(workerData.file, { readonly: true });
    let prev = '';
    let n = 0;
    for (const row of db.prepare('select * from audit_events where rowid % ? = ?').raw().iterate(workerData.of, workerData.k)) {
      prev = createHash('sha256').update(prev).update(row.join('|')).digest('hex');
      n++;
    }
    parentPort.postMessage(n);`;
  const started = performance.now();
  const counts = await Promise.all(
    Array.from({ length: cores }, (_, k) => new Promise<number>((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData: { file: ds.env.DATABASE_PATH, of: cores, k } });
      w.once('message', resolve);
      w.once('error', reject);
    })),
  );
  return counts.reduce((a, b) => a + b, 0) / ((performance.now() - started) / 1000);
}

// ---------- audit verify ----------

/** `npm run audit:verify` three times (no server running); the median rate and every run's. */
function auditVerifyRate(ds: Dataset): { events: number; rate: number; runs: number[] } {
  const runs: number[] = [];
  let events = 0;
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(bin('tsx'), [path.join(root, 'scripts', 'audit-verify.ts')], { cwd: root, env: ds.env, encoding: 'utf8' });
    const m = /chain verified: (\d+) events.*\((\d+) events\/s\)/.exec(r.stdout);
    if (r.status !== 0 || !m) throw new Error(`audit:verify failed: ${r.stdout}${r.stderr}`);
    events = Number(m[1]);
    runs.push(Number(m[2]));
  }
  return { events, rate: [...runs].sort((a, b) => a - b)[1]!, runs };
}

// ---------- report ----------

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main() {
  mkdirSync(benchDir, { recursive: true });
  const startedAt = new Date();
  log(`scale ${args.scale}, seed ${args.seed}, ${connections} connections, ${duration} s per page, port ${port}; ${process.version}, ${(await import('node:os')).cpus().length} CPUs`);
  buildIfNeeded();

  const sample = sampleDataset();
  const large = largeDataset();
  const pages = new Map<string, Map<string, Result>>();
  let targets: Target[] = [];
  const downloads: Record<string, Record<string, DownloadResult>> = {};
  let writes: WriteResult | undefined;
  let getRate = 0;
  let mixed: MixedRow[] = [];

  for (const ds of [sample, large]) {
    log(`${ds.label}: starting the server on ${origin}`);
    const server = await startServer(ds);
    try {
      targets = await targetsFor(ds);
      // Downloads first, on a fresh server: its peak memory then shows what streaming a million rows costs,
      // not what ten connections of page rendering left on the heap.
      const csv = await download(server, '/api/public/downloads/contracts.csv', '\n');
      csv.rows -= 1; // the header row
      const ocds = await download(server, '/api/public/ocds/release-package.json', '"ocid":"');
      downloads[ds.name] = { csv, ocds };
      for (const [k, d] of Object.entries({ csv, ocds })) {
        log(`  ${k} download: ${fmt(d.rows)} contracts in ${d.seconds.toFixed(1)} s (${fmt(d.rows / d.seconds)} rows/s), server ${d.startMb} MB before, peak ${d.memMb} MB, status ${d.status}`);
      }
      pages.set(ds.name, await measurePages(server, targets));
      if (ds.name === 'large' && writeSeconds > 0) {
        log(`  concurrent writes: ${writeClients} clients for ${writeSeconds} s…`);
        writes = await measureWrites(ds, server);
        getRate = await plainGetRate(ds);
        log(`  plain GET of the page a write answers with: ${fmt(getRate)} req/s at ${writeClients} connections`);
      }
      if (ds.name === 'large' && mixedRates.length > 0) {
        log(`  mixed load: writes at ${mixedRates.join(', ')} /s while the pages are read…`);
        mixed = await measureMixed(ds, targets);
      }
    } finally {
      await stopServer(server);
    }
  }
  const verify = auditVerifyRate(large);
  const baseline = { csv: bareCsvRate(large), ocds: bareOcdsRate(large), sha256: await sha256Rate(large) };

  // ----- table -----
  const s = pages.get('sample')!;
  const l = pages.get('large')!;
  const staticRps = l.get('static')!.rps;
  const head = ['page', 'kind', 'sample req/s', 'p50', 'p99', 'err', 'MB', `${args.scale} req/s`, 'p50', 'p99', 'err', 'MB', 'page/static', 'large/sample p50'];
  const rows: string[][] = [];
  let worstCached = Infinity;
  let worstRatio = 0;
  let worstP99 = 0;
  for (const t of targets) {
    const a = s.get(t.key)!;
    const b = l.get(t.key)!;
    const perStatic = b.rps / staticRps;
    const p50Ratio = b.p50 / Math.max(a.p50, 1);
    if (t.kind === 'cached') worstCached = Math.min(worstCached, perStatic);
    if (t.kind === 'query') {
      worstRatio = Math.max(worstRatio, p50Ratio);
      worstP99 = Math.max(worstP99, b.p99);
    }
    rows.push([t.label, t.kind, fmt(a.rps), String(a.p50), String(a.p99), String(a.errors), String(a.memMb), fmt(b.rps), String(b.p50), String(b.p99), String(b.errors), String(b.memMb), perStatic.toFixed(2), t.kind === 'static' ? '' : p50Ratio.toFixed(2)]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log('');
  console.log(`Pages (${connections} connections, ${duration} s each; latency in ms; MB = server peak resident memory; ratios on the ${args.scale} database)`);
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (i < 2 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log('');
  console.log('Downloads of every published contract');
  for (const name of ['sample', 'large'] as const) {
    for (const [k, d] of Object.entries(downloads[name]!)) {
      console.log(`  ${(name === 'large' ? args.scale : name)!.padEnd(8)} ${k.padEnd(4)} ${fmt(d.rows).padStart(10)} contracts  ${d.seconds.toFixed(1).padStart(6)} s  ${fmt(d.rows / d.seconds).padStart(8)} rows/s  server ${d.startMb} MB before, peak ${d.memMb} MB`);
    }
  }
  console.log(`audit:verify on ${args.scale}: ${fmt(verify.events)} events, ${fmt(verify.rate)} events/s (median of ${verify.runs.map((r) => fmt(r)).join(', ')})`);
  if (writes) {
    console.log(
      `concurrent writes on ${args.scale}: ${writeClients} clients, ${writes.seconds.toFixed(0)} s: ${fmt(writes.acked)} acknowledged (${fmt(writes.acked / writes.seconds, 1)} writes/s, p50 ${writes.p50} ms, p99 ${writes.p99} ms), ` +
        `${writes.errors} errors, ${writes.busy} SQLITE_BUSY, ${writes.lost} lost, ${writes.missingAudit} without their audit event, server peak ${writes.memMb} MB`,
    );
  }
  if (mixed.length > 0) {
    console.log('');
    console.log(`Mixed load on ${args.scale}: writes through the real server action at a steady rate while each page is read (${connections} connections, ${duration} s each); req/s and p99 ms`);
    const keys = [...mixed[0]!.pages.keys()];
    const label = (k: string) => targets.find((t) => t.key === k)!.label;
    const mhead = ['page', ...mixed.flatMap((m) => [`${m.rate}/s req/s`, 'p99'])];
    const mrows = keys.map((k) => [label(k), ...mixed.flatMap((m) => [fmt(m.pages.get(k)!.rps), String(m.pages.get(k)!.p99)])]);
    mrows.push(['writes acknowledged/s', ...mixed.flatMap((m) => [fmt(m.achieved, 1), ''])]);
    const mw = mhead.map((h, i) => Math.max(h.length, ...mrows.map((r) => r[i]!.length)));
    const mline = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(mw[i]!) : c.padStart(mw[i]!))).join(' | ')} |`;
    console.log(mline(mhead));
    console.log(`|${mw.map((w, i) => (i === 0 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`);
    for (const r of mrows) console.log(mline(r));
  }
  console.log(`baselines on ${args.scale}: bare Node CSV rows ${fmt(baseline.csv)}/s, stored OCDS releases read ${fmt(baseline.ocds)}/s, SHA-256 of the audit rows on all cores ${fmt(baseline.sha256)} events/s`);
  // The ratios of issue 21, each measured side by side in this run (null where the phase did not run).
  const worstCachedAt = (rate: number) => {
    const m = mixed.find((x) => x.rate === rate);
    if (!m || !m.pages.get('static')) return null;
    const st = m.pages.get('static')!.rps;
    return Math.min(...targets.filter((t) => t.kind === 'cached').map((t) => m.pages.get(t.key)!.rps / st));
  };
  const worstP99Ratio = Math.max(...targets.filter((t) => t.kind === 'query').map((t) => l.get(t.key)!.p99 / Math.max(s.get(t.key)!.p99, 1)));
  const large0 = downloads.large as Record<'csv' | 'ocds', DownloadResult>;
  const ratios = {
    cachedStaticNoWrites: worstCachedAt(0),
    cachedStaticAt20: worstCachedAt(20),
    queryP50: worstRatio,
    queryP99: worstP99Ratio,
    csvVsBare: large0.csv.rows / large0.csv.seconds / Math.max(baseline.csv, 1),
    ocdsVsBare: large0.ocds.rows / large0.ocds.seconds / Math.max(baseline.ocds, 1),
    verifyVsSha256: verify.rate / Math.max(baseline.sha256, 1),
    writesVsGet: writes && getRate ? writes.acked / writes.seconds / getRate : null,
  };
  const summary = {
    startedAt: startedAt.toISOString(),
    scale: args.scale,
    node: process.version,
    pages: Object.fromEntries([...pages].map(([k, v]) => [k, Object.fromEntries(v)])),
    downloads,
    verify,
    writes,
    getRate,
    mixed: mixed.map((m) => ({ ...m, pages: Object.fromEntries(m.pages) })),
    baseline,
    ratios,
  };
  writeFileSync(path.join(benchDir, `last-${args.scale}.json`), JSON.stringify(summary, null, 2));
  const r2 = (x: number | null) => (x === null || !Number.isFinite(x) ? 'n/a' : x.toFixed(2));
  console.log(
    `bench: worst cached/static ${worstCached.toFixed(2)}, worst large/sample p50 ${worstRatio.toFixed(2)}, worst p99 ${worstP99} ms; ` +
      `targets: cached/static ${r2(ratios.cachedStaticNoWrites)} (≥0.8) and at 20 writes/s ${r2(ratios.cachedStaticAt20)} (≥0.5), ` +
      `query p50 ${r2(ratios.queryP50)} and p99 ${r2(ratios.queryP99)} (≤1.5), csv/bare ${r2(ratios.csvVsBare)} ocds/bare ${r2(ratios.ocdsVsBare)} (≥0.5), ` +
      `audit:verify/sha256 ${r2(ratios.verifyVsSha256)} (≥0.5), writes/GET ${r2(ratios.writesVsGet)} (≥0.8)`,
  );
}

main().catch((e: unknown) => {
  console.error(`bench: FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});


