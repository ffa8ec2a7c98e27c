// npm run test:crash — the durability test. Starts the production server on a fresh demo database, drives
// concurrent writes (contract drafts, deliverables, payments) through its real HTTP interface as a browser
// without JavaScript would (progressive-enhancement form posts to server actions), kills the server with
// SIGKILL at a random moment, restarts it, and repeats. Then it shows that every write the server
// acknowledged is in the database with its audit event, that `PRAGMA integrity_check` and
// `PRAGMA foreign_key_check` are clean, and that the audit chain verifies. Prints
// `crash: N kills, N acknowledged writes, N lost` and exits non-zero when anything was lost or broken.
//
//   tsx scripts/crash-test.ts [--kills 20] [--workers 4] [--port 3300] [--keep]
//   env CRASH_KILLS, CRASH_WORKERS, CRASH_PORT (ports 3300–3399 only; the first free one is used by default)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../lib/audit/verify';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function option(name: string, envName: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[envName];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
}
const kills = option('kills', 'CRASH_KILLS', 20);
const workers = option('workers', 'CRASH_WORKERS', 4);
const keep = process.argv.includes('--keep');
const PASSWORD = 'longgang-demo-2026';
const DEMO = 'demo.longgang.example';
const LOCALE = 'en';
const messages = JSON.parse(readFileSync(path.join(root, 'messages', `${LOCALE}.json`), 'utf8')) as { notices: Record<string, string> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const random = (min: number, max: number) => min + Math.random() * (max - min);

async function freePort(): Promise<number> {
  const wanted = process.env.CRASH_PORT ?? (process.argv.includes('--port') ? process.argv[process.argv.indexOf('--port') + 1] : undefined);
  const candidates = wanted ? [Number(wanted)] : Array.from({ length: 100 }, (_, i) => 3300 + i);
  for (const port of candidates) {
    if (!(port >= 3300 && port <= 3399)) throw new Error('the crash test uses ports 3300–3399 only');
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 3300–3399');
}

// ---------------------------------------------------------------------------------------------------------
// A browser without JavaScript: cookies, hidden form fields, multipart posts with an Origin header.

type Session = { email: string; cookie: string };

function decodeEntities(s: string): string {
  return s.replace(/&(quot|amp|lt|gt|#x27|#39|#(\d+)|#x([0-9a-f]+));/gi, (_m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ quot: '"', amp: '&', lt: '<', gt: '>', '#x27': "'", '#39': "'" } as Record<string, string>)[name.toLowerCase()]!;
  });
}

/** The hidden inputs of the first form whose markup matches `marker` (React's action fields among them). */
function hiddenFields(html: string, marker: RegExp): Record<string, string> {
  const forms = html.split(/<form\b/).slice(1).map((f) => f.slice(0, f.indexOf('</form>')));
  const body = forms.find((f) => marker.test(f));
  if (!body) throw new Error(`form ${marker} not on the page`);
  const fields: Record<string, string> = {};
  for (const tag of body.match(/<input\b[^>]*>/g) ?? []) {
    if (!/type="hidden"/.test(tag)) continue;
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    if (name === undefined) continue;
    fields[decodeEntities(name)] = decodeEntities(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  if (!Object.keys(fields).some((k) => k.startsWith('$ACTION'))) throw new Error(`form ${marker} has no server action fields`);
  return fields;
}

class Client {
  constructor(readonly origin: string) {}

  async get(session: Session | null, pathname: string): Promise<string> {
    const res = await fetch(this.origin + pathname, { headers: session ? { cookie: session.cookie } : {}, redirect: 'manual' });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${pathname}: ${res.status}`);
    return text;
  }

  async post(session: Session | null, pathname: string, fields: Record<string, string>): Promise<{ status: number; location: string | null; body: string; setCookie: string[] }> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const res = await fetch(this.origin + pathname, {
      method: 'POST',
      body: form,
      headers: { origin: this.origin, ...(session ? { cookie: session.cookie } : {}) },
      redirect: 'manual',
    });
    const body = await res.text();
    return { status: res.status, location: res.headers.get('location'), body, setCookie: res.headers.getSetCookie() };
  }

  async signIn(email: string): Promise<Session> {
    const page = `/${LOCALE}/sign-in`;
    const hidden = hiddenFields(await this.get(null, page), /name="password"/);
    const res = await this.post(null, page, { ...hidden, email, password: PASSWORD });
    const token = res.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('next-auth.session-token=') || c.startsWith('__Secure-next-auth.session-token='));
    if (res.status !== 303 || !token) throw new Error(`sign-in as ${email} failed (${res.status})`);
    return { email, cookie: token };
  }
}

// ---------------------------------------------------------------------------------------------------------
// The server: `next start` itself (not npx, not npm), in its own process group, so SIGKILL reaches it.

type Env = Record<string, string>;

function prepare(env: Env) {
  const r = spawnSync(bin('tsx'), [path.join(root, 'scripts', 'prepare.ts')], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`prepare failed:\n${r.stdout}\n${r.stderr}`);
}

/** The server running now, so that a failing test never leaves one behind. */
let running: ChildProcess | null = null;
process.on('exit', () => {
  if (running?.pid && running.exitCode === null && running.signalCode === null) {
    try {
      process.kill(-running.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

async function startServer(env: Env, port: number, logFile: string): Promise<ChildProcess> {
  const out = openSync(logFile, 'a');
  const child = spawn(bin('next'), ['start', '-p', String(port)], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', out, out], detached: true });
  running = child;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${logFile}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      await res.arrayBuffer();
      if (res.status === 200) return child;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server did not become healthy in 60 s; see ${logFile}`);
}

async function stopServer(child: ChildProcess, signal: 'SIGKILL' | 'SIGTERM') {
  const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
  const grace = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 15_000);
  await exited;
  clearTimeout(grace);
}

// ---------------------------------------------------------------------------------------------------------
// The writes, each with a key that finds it in the database afterwards.

type Ack =
  | { kind: 'contract'; id: number; terms: string }
  | { kind: 'deliverable'; title: string }
  | { kind: 'payment'; contractId: number; amountFen: number };

type Targets = { contractId: number; matterId: number; draftContractorId: number; existingAmounts: Set<number>; today: string };

type Forms = { payment: Record<string, string>; deliverable: Record<string, string>; draft: Record<string, string> };

const notice = (body: string, key: string) => body.includes(messages.notices[key]!);

function findTargets(dbFile: string): Targets {
  const db = new Database(dbFile, { readonly: true });
  try {
    const officer = db.prepare('select department_id as departmentId from users where email = ?').get(`officer@${DEMO}`) as { departmentId: number };
    const contractor = db.prepare('select contractor_id as contractorId from users where email = ?').get(`contractor@${DEMO}`) as { contractorId: number };
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const contract = db
      .prepare(`select id from contracts where status = 'active' and department_id = ? and contractor_id = ? and start_date <= ? order by id limit 1`)
      .get(officer.departmentId, contractor.contractorId, today) as { id: number } | undefined;
    if (!contract) throw new Error('the sample data has no active contract of officer@ and contractor@');
    const matter = db.prepare(`select id from matters where department_id = ? and catalogue_status = 'listed' order by id limit 1`).get(officer.departmentId) as { id: number };
    const draftContractor = db.prepare(`select id from contractors where verification_status = 'verified' order by id limit 1`).get() as { id: number };
    const existingAmounts = new Set(db.prepare('select amount_fen from payments where contract_id = ?').pluck().all(contract.id) as number[]);
    return { contractId: contract.id, matterId: matter.id, draftContractorId: draftContractor.id, existingAmounts, today };
  } finally {
    db.close();
  }
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'registry-crash-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dbFile = path.join(work, 'registry.db');
  const env: Env = {
    DATABASE_PATH: dbFile,
    UPLOAD_DIR: path.join(work, 'uploads'),
    AUDIT_KEY_PATH: path.join(work, 'audit-signing-key.pem'),
    REGISTRY_MODE: 'demo',
    NEXTAUTH_URL: origin,
    NEXT_TELEMETRY_DISABLED: '1',
    CHECKPOINT_INTERVAL_MINUTES: '0',
    NODE_ENV: 'production',
  };
  const logFile = path.join(work, 'server.log');
  const started = Date.now();
  console.log(`crash test: ${kills} kills, ${workers} concurrent writers, port ${port}, data in ${work}`);
  prepare(env);
  const t = findTargets(dbFile);
  const client = new Client(origin);
  const acks: Ack[] = [];
  const tally = { attempts: 0, refused: 0, interrupted: 0 };
  let seq = 0;
  let sessions: { officer: Session; contractor: Session } | null = null;
  const run = process.pid.toString(36);

  async function loadForms(s: NonNullable<typeof sessions>): Promise<Forms> {
    const contractPage = `/${LOCALE}/desk/contracts/${t.contractId}`;
    return {
      payment: hiddenFields(await client.get(s.officer, contractPage), /data-testid="payment-form"/),
      deliverable: hiddenFields(await client.get(s.contractor, contractPage), /data-testid="deliverable-form"/),
      draft: hiddenFields(await client.get(s.officer, `/${LOCALE}/desk/contracts/new?matter=${t.matterId}`), /name="noSubcontractDeclared"/),
    };
  }

  /** One write; resolves with its acknowledgement, or null when refused. Throws when the connection broke. */
  const refusals: string[] = [];
  function refusal(kind: string, res: { status: number; location: string | null; body: string }): null {
    const alert = /role="alert"[^>]*>(.*?)<\/div>/s.exec(res.body)?.[1]?.replace(/<[^>]+>/g, ' ').trim();
    if (refusals.length < 5) refusals.push(`${kind}: HTTP ${res.status}${res.location ? ` → ${res.location}` : ''}${alert ? `: ${alert}` : ''}`);
    return null;
  }

  async function write(s: NonNullable<typeof sessions>, forms: Forms, n: number): Promise<Ack | null> {
    const kind = n % 3;
    const contractPage = `/${LOCALE}/desk/contracts/${t.contractId}`;
    if (kind === 0) {
      let amountFen = n + 1;
      while (t.existingAmounts.has(amountFen)) amountFen += 3 * 1_000_000;
      const res = await client.post(s.officer, contractPage, { ...forms.payment, amountFen: (amountFen / 100).toFixed(2), paidOn: t.today, milestoneId: '' });
      return res.status === 200 && notice(res.body, 'paymentRecorded') ? { kind: 'payment', contractId: t.contractId, amountFen } : refusal('payment', res);
    }
    if (kind === 1) {
      const title = `crash ${run} deliverable ${n}`;
      const res = await client.post(s.contractor, contractPage, {
        ...forms.deliverable,
        title,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        description: `written by the crash test, write ${n}`,
        milestoneId: '',
        'indicators.0.name': 'households_visited',
        'indicators.0.value': String(n),
      });
      return res.status === 200 && notice(res.body, 'deliverableSubmitted') ? { kind: 'deliverable', title } : refusal('deliverable', res);
    }
    const terms = `crash ${run} contract ${n}`;
    const res = await client.post(s.officer, `/${LOCALE}/desk/contracts/new?matter=${t.matterId}`, {
      ...forms.draft,
      contractorId: String(t.draftContractorId),
      valueFen: '1000.00',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      justification: '',
      terms,
      noSubcontractDeclared: 'on',
      // How the contractor was chosen is required: a single source on its legal ground.
      'procurement.method': 'single_source',
      'procurement.singleSourceGround': 'only_one_supplier',
      'procurement.justification': '唯一具备该项服务资质的机构',
    });
    const id = res.status === 303 ? /\/desk\/contracts\/(\d+)$/.exec(res.location ?? '')?.[1] : undefined;
    return id ? { kind: 'contract', id: Number(id), terms } : refusal('contract', res);
  }

  for (let round = 1; round <= kills; round++) {
    const server = await startServer(env, port, logFile);
    sessions ??= { officer: await client.signIn(`officer@${DEMO}`), contractor: await client.signIn(`contractor@${DEMO}`) };
    const forms = await loadForms(sessions);
    let killed = false;
    const writers = Array.from({ length: workers }, async () => {
      while (!killed) {
        const n = seq++;
        tally.attempts++;
        try {
          const ack = await write(sessions!, forms, n);
          // A response that arrived after the kill was still fully received: it counts.
          if (ack) acks.push(ack);
          else tally.refused++;
        } catch {
          tally.interrupted++;
        }
      }
    });
    await sleep(random(300, 3000));
    killed = true;
    await stopServer(server, 'SIGKILL');
    await Promise.allSettled(writers);
    console.log(`crash: round ${round}: killed the server (pid ${server.pid}); ${acks.length} acknowledged so far`);
  }

  // The server comes back on what the last kill left, and stops cleanly; then the database is checked.
  const last = await startServer(env, port, logFile);
  await stopServer(last, 'SIGTERM');
  const db = new Database(dbFile);
  const problems: string[] = [];
  let lost = 0;
  const auditFor = db.prepare('select count(*) from audit_events where action = ? and entity_type = ? and entity_id = ?').pluck();
  for (const ack of acks) {
    let id: number | undefined;
    if (ack.kind === 'contract') {
      id = db.prepare('select id from contracts where id = ? and terms = ?').pluck().get(ack.id, ack.terms) as number | undefined;
    } else if (ack.kind === 'deliverable') {
      id = db.prepare('select id from deliverables where title = ?').pluck().get(ack.title) as number | undefined;
    } else {
      id = db.prepare('select id from payments where contract_id = ? and amount_fen = ?').pluck().get(ack.contractId, ack.amountFen) as number | undefined;
    }
    const action = { contract: 'contract.drafted', deliverable: 'deliverable.submitted', payment: 'payment.recorded' }[ack.kind];
    if (id === undefined || auditFor.get(action, ack.kind, String(id)) !== 1) {
      lost++;
      problems.push(`lost: ${JSON.stringify(ack)}${id === undefined ? '' : ' (no audit event)'}`);
    }
  }
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 5))}`);
  const chain = verifyAuditChain(db);
  if (!chain.ok) problems.push(`audit chain broken at event ${chain.firstBadSeq}: ${chain.reason}`);
  db.close();

  const byKind = (k: Ack['kind']) => acks.filter((a) => a.kind === k).length;
  console.log(
    `crash test: ${tally.attempts} writes attempted, ${acks.length} acknowledged (${byKind('contract')} contracts, ${byKind('deliverable')} deliverables, ${byKind('payment')} payments), ${tally.refused} refused, ${tally.interrupted} cut off by a kill; integrity ${integrity}, ${foreignKeys.length} foreign-key problems, audit chain ${chain.ok ? 'verifies' : 'BROKEN'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const p of problems.slice(0, 20)) console.error(`crash: ${p}`);
  for (const r of refusals) console.error(`crash: refused ${r}`);
  if (acks.length === 0) problems.push('no write was acknowledged');
  if (tally.refused > 0) problems.push(`${tally.refused} writes were refused (expected none)`);
  console.log(`crash: ${kills} kills, ${acks.length} acknowledged writes, ${lost} lost`);
  if (!keep && problems.length === 0) rmSync(work, { recursive: true, force: true });
  else console.log(`crash: data kept in ${work}`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error('crash: the test could not run:', e);
  process.exit(1);
});
