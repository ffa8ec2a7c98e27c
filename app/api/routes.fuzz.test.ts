// Hostile input through every route handler under app/api (but next-auth's own): generated path parameters,
// query strings and bodies, labelled by construction where the answer is known (an unknown id or kind must
// be not-found, a bad page size must be refused, an upload that breaks a rule must be refused and leave
// nothing), and junk everywhere. No handler may throw, answer 5xx, fail half-way through a streamed body, or
// show a stack trace, SQL or a file path. FUZZ_RUNS requests per handler (npm run test:fuzz: 20,000).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { apiDir, findFilesNamed } from '@/lib/testing/app-modules';
import { changedTables, tableDigest, watchWrites } from '@/lib/testing/db-digest';
import { buildFixture, type Fixture } from '@/lib/testing/fixture';
import { fuzzRuns, hostileString, invalidIdString, leakIn, newTally, reportTally } from '@/lib/testing/hostile';

const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
vi.mock('@/lib/auth/current', () => mocks.authCurrentMock());
vi.mock('@/db/client', (original) => mocks.dbClientMock(original));
vi.mock('next/cache', () => mocks.nextCacheMock());
vi.mock('next/headers', () => mocks.nextHeadersMock());

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Req = { url: string; params?: Record<string, string>; init?: RequestInit; label: 'valid' | 'invalid' | 'junk'; why?: string };
type Spec = {
  who: (f: Fixture) => Actor | null;
  requests: (f: Fixture) => fc.Arbitrary<Req>;
  /** For invalid requests: the answer is a refusal (default: any 4xx). */
  refused?: (res: Response) => boolean;
};

const base = 'http://localhost';
const query = (pairs: [string, string][]) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : '');
const queryOf = (names: readonly string[]) => fc.array(fc.tuple(names.length ? fc.oneof(fc.constantFrom(...names), hostileString) : hostileString, fc.oneof(hostileString, fc.integer().map(String))), { maxLength: 6 });
/** A page size the open-data API refuses. */
const badLimit = fc.oneof(fc.integer({ max: 0 }).map(String), fc.integer({ min: 101 }).map(String), fc.constantFrom('1.5', 'abc', '1e2', ' ', 'NaN', '-0.5', '\u0000', '１０'));
const listRoute = (path: string, filters: readonly string[]): Spec => ({
  who: () => null,
  requests: () =>
    fc.oneof(
      queryOf([...filters, 'limit', 'cursor']).map((q): Req => ({ url: `${base}${path}${query(q)}`, label: 'junk' })),
      fc.tuple(queryOf(filters.filter((f) => f !== 'limit')), badLimit).map(([q, limit]): Req => ({ url: `${base}${path}${query([...q.filter(([k]) => k !== 'limit'), ['limit', limit]])}`, label: 'invalid', why: `limit=${JSON.stringify(limit)}` })),
    ),
  refused: (res) => res.status === 400,
});
/** One path parameter: anything but a real key must be not-found. */
const oneParam = (name: string, real: (f: Fixture) => string[], opts: { who?: (f: Fixture) => Actor | null } = {}): Spec => ({
  who: opts.who ?? (() => null),
  requests: (f) =>
    fc.oneof(
      fc.oneof(hostileString, invalidIdString, fc.integer().map(String)).filter((v) => !real(f).includes(v)).map((v): Req => ({ url: `${base}/x`, params: { [name]: v }, label: 'invalid', why: `${name}=${JSON.stringify(v).slice(0, 80)}` })),
      fc.constantFrom(...real(f)).map((v): Req => ({ url: `${base}/x`, params: { [name]: v }, label: 'valid' })),
    ),
  refused: (res) => res.status === 404 || res.status === 400,
});
const txt = (content: string | Uint8Array, name: string, type = 'text/plain') => new File([content as BlobPart], name, { type });
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
const uploadRequest = (deliverableId: string | null, file: File | string | null): RequestInit => {
  const form = new FormData();
  if (deliverableId !== null) form.set('deliverableId', deliverableId);
  if (file !== null) form.set('file', file);
  return { method: 'POST', body: form };
};
const attachmentOf = new WeakMap<Fixture, number>();

const specs: Record<string, Spec> = {
  'attachments#POST': {
    who: (f) => f.actors.contractorX,
    requests: (f) => {
      const id = String(f.deliverableA.id);
      const goodName = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,30}\.(txt|csv)$/);
      const goodText = fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => `台账 ${s.replace(/[\u0000<>&]/g, '')}\n`);
      const url = fc.boolean().map((r) => `${base}/api/attachments${r ? '?redirect=1&locale=en' : ''}`);
      return fc.oneof(
        fc.tuple(url, goodName, goodText).map(([u, name, text]): Req => ({ url: u, init: uploadRequest(id, txt(text, name)), label: 'valid' })),
        fc
          .tuple(
            url,
            fc.oneof(
              fc.oneof(invalidIdString, fc.constantFrom(String(f.deliverableB.id), '999999')).map((d): [string, string | null, File | string | null] => [`deliverableId=${JSON.stringify(d)}`, d, txt('ok\n', 'a.txt')]),
              fc.constantFrom('../a.txt', 'a/b.txt', 'a\\b.txt', '..', '.', ' ', 'a\u0000.txt', 'a\u001b.txt', 'x'.repeat(250) + '.txt', 'évil\u007f.txt').map((name): [string, string | null, File | string | null] => [`name ${JSON.stringify(name)}`, id, txt('ok\n', name)]),
              fc.constantFrom<[string, Uint8Array | string, string]>(['nul in text', 'a\u0000b', 'a.txt'], ['markup in text', '<script>alert(1)</script>', 'a.txt'], ['png named txt', png, 'a.txt'], ['exe named png', exe, 'a.png'], ['svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'a.svg'], ['empty', '', 'a.txt'], ['exe', exe, 'a.exe']).map(([why, content, name]): [string, string | null, File | string | null] => [why, id, txt(content, name)]),
              fc.constantFrom<[string, string | null, File | string | null]>(['no file', id, null], ['file as text', id, 'not a file'], ['no deliverable', null, txt('ok\n', 'a.txt')]),
            ),
          )
          .map(([u, [why, d, file]]): Req => ({ url: u, init: uploadRequest(d, file), label: 'invalid', why })),
        fc
          .tuple(fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=x', 'multipart/form-data; boundary=', 'application/json', 'text/plain', '', 'multipart/form-data; boundary="a b"'), fc.oneof(hostileString, fc.constant('--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc\r\n--x--\r\n')))
          .map(([type, body]): Req => ({ url: `${base}/api/attachments`, init: { method: 'POST', body, headers: type ? { 'content-type': type } : {} }, label: 'junk' })),
      );
    },
    refused: (res) => (res.status === 303 ? !(res.headers.get('location') ?? '').includes('upload=ok') : res.status >= 400 && res.status < 500),
  },
  'contractors/[id]/documents#POST': {
    who: (f) => f.actors.admin,
    requests: (f) => {
      const id = String(f.contractorX.id);
      const doc = (file: File | string | null): RequestInit => {
        const form = new FormData();
        if (file !== null) form.set('file', file);
        return { method: 'POST', body: form };
      };
      const goodName = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,30}\.txt$/);
      return fc.oneof(
        goodName.map((name): Req => ({ url: `${base}/api/contractors/${id}/documents`, params: { id }, init: doc(txt('营业执照\n', name)), label: 'valid' })),
        fc
          .oneof(
            fc.oneof(invalidIdString, fc.constantFrom('999999', '0', '01x')).map((bad): [string, string, File | string | null] => [`id=${JSON.stringify(bad).slice(0, 60)}`, bad, txt('ok\n', 'a.txt')]),
            fc.constantFrom('../a.txt', 'a/b.txt', 'a\u0000.txt', '..', 'x'.repeat(250) + '.txt').map((name): [string, string, File | string | null] => [`name ${JSON.stringify(name)}`, id, txt('ok\n', name)]),
            fc.constantFrom<[string, Uint8Array | string, string]>(['exe named png', exe, 'a.png'], ['nul in text', 'a\u0000b', 'a.txt'], ['svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'a.svg']).map(([why, content, name]): [string, string, File | string | null] => [why, id, txt(content, name)]),
            fc.constantFrom<[string, string, File | string | null]>(['no file', id, null], ['file as text', id, 'not a file']),
          )
          .map(([why, cid, file]): Req => ({ url: `${base}/api/contractors/x/documents`, params: { id: cid }, init: doc(file), label: 'invalid', why })),
      );
    },
    refused: (res) => res.status >= 400 && res.status < 500,
  },
  'attachments/[id]#GET': {
    ...oneParam('id', (f) => [String(attachmentOf.get(f))], { who: (f) => f.actors.contractorX }),
  },
  'audit/export#GET': {
    who: (f) => f.actors.auditor,
    requests: () =>
      fc
        .tuple(queryOf(['actor', 'role', 'action', 'entityType', 'entityId', 'department', 'from', 'to', 'before', 'format', 'record', 'locale']), fc.constantFrom('csv', 'json', '', 'xml'), fc.oneof(fc.constantFrom('2026-02-30', '2026-99-99', '0000-00-00', '9999-12-31', '2026-01-01'), hostileString))
        .map(([q, format, date]): Req => ({ url: `${base}/api/audit/export${query([...q, ['format', format], ['from', date], ['to', date]])}`, label: 'junk' })),
  },
  'admin/catalogue/[kind]#GET': oneParam('kind', () => ['departments', 'matters', 'contractors'], { who: (f) => f.actors.admin }),
  'health#GET': { who: () => null, requests: () => queryOf(['x']).map((q): Req => ({ url: `${base}/api/health${query(q)}`, label: 'junk' })) },
  'me#GET': { who: (f) => f.actors.officerA, requests: () => queryOf(['id', 'role']).map((q): Req => ({ url: `${base}/api/me${query(q)}`, label: 'junk' })) },
  'public/matters#GET': listRoute('/api/public/matters', ['q', 'department', 'category', 'contractorKind', 'status']),
  'public/contractors#GET': listRoute('/api/public/contractors', ['q', 'kind']),
  'public/contracts#GET': listRoute('/api/public/contracts', []),
  'public/matters/[code]#GET': oneParam('code', (f) => [f.matterA.code, f.matterB.code]),
  'public/contractors/[id]#GET': oneParam('id', (f) => [String(f.contractorX.id), String(f.contractorY.id)]),
  'public/contracts/[reference]#GET': oneParam('reference', (f) => [f.activeA.reference, f.activeB.reference]),
  // Only names that are not downloads: a real download opens its own connection to the database file.
  'public/downloads/[file]#GET': {
    who: () => null,
    requests: () =>
      fc
        .oneof(hostileString, fc.constantFrom('matters.xml', 'matters.csv.bak', '../matters.csv', 'MATTERS.CSV', 'matters.csv\u0000', 'users.csv', 'contracts.json '))
        .filter((v) => !/^(matters|contractors|contracts)\.(csv|json)$/.test(v))
        .map((v): Req => ({ url: `${base}/x`, params: { file: v }, label: 'invalid', why: `file=${JSON.stringify(v).slice(0, 80)}` })),
    refused: (res) => res.status === 404,
  },
  'public/stats#GET': { who: () => null, requests: () => queryOf(['x']).map((q): Req => ({ url: `${base}/api/public/stats${query(q)}`, label: 'junk' })) },
  'public/ocds/release-package.json#GET': { who: () => null, requests: () => queryOf(['since']).map((q): Req => ({ url: `${base}/api/public/ocds/release-package.json${query(q)}`, label: 'junk' })) },
  'public/ocds/record-package.json#GET': { who: () => null, requests: () => queryOf(['since']).map((q): Req => ({ url: `${base}/api/public/ocds/record-package.json${query(q)}`, label: 'junk' })) },
  'public/ocds/releases/[ocid]#GET': oneParam('ocid', (f) => [f.activeA.reference, f.activeB.reference].map((r) => `ocds-lg0000-${r}`)),
  'public/ocds/extension/[file]#GET': oneParam('file', () => ['extension.json', 'release-schema.json']),
  'public/ocds/metrics-extension/[file]#GET': oneParam('file', () => ['extension.json', 'release-schema.json']),
  'public/audit/checkpoint#GET': { who: () => null, requests: () => queryOf(['x']).map((q): Req => ({ url: `${base}/api/public/audit/checkpoint${query(q)}`, label: 'junk' })) },
  'public/audit/checkpoints#GET': { who: () => null, requests: () => queryOf(['after', 'before', 'limit', 'cursor']).map((q): Req => ({ url: `${base}/api/public/audit/checkpoints${query(q)}`, label: 'junk' })) },
  'public/audit/events#GET': { who: () => null, requests: () => queryOf(['after', 'limit']).map((q): Req => ({ url: `${base}/api/public/audit/events${query(q)}`, label: 'junk' })) },
};

const tally = newTally();
const runs = fuzzRuns(300);

describe('fuzz: route handlers', () => {
  // Everything the handlers write (uploads, the checkpoint key) goes to a temporary directory, set before
  // the first fixture reads the environment.
  const work = mkdtempSync(path.join(tmpdir(), 'routes-fuzz-'));
  process.env.UPLOAD_DIR = path.join(work, 'uploads');
  process.env.AUDIT_KEY_PATH = path.join(work, 'audit-signing-key.pem');
  process.env.DATABASE_PATH = path.join(work, 'not-used.db');

  it('covers every route handler but next-auth', () => {
    const found = findFilesNamed(apiDir, 'route.ts')
      .filter((f) => !f.includes(`${path.sep}auth${path.sep}[`))
      .flatMap((file) => ['GET', 'POST'].map((m) => `${path.relative(apiDir, path.dirname(file))}#${m}`))
      .filter((k) => {
        const [dir, method] = k.split('#') as [string, string];
        return readdirSync(path.join(apiDir, dir)).includes('route.ts') && new RegExp(`export (const|async function|function) ${method}\\b`).test(readFileSync(path.join(apiDir, dir, 'route.ts'), 'utf8'));
      });
    expect(found.filter((k) => !(k in specs))).toEqual([]);
  });

  for (const [key, spec] of Object.entries(specs)) {
    it(`${key}: refuses what it must, never fails, never leaks`, async () => {
      const [dir, method] = key.split('#') as [string, string];
      const mod = (await import(path.join(apiDir, dir, 'route.ts'))) as Record<string, Handler>;
      const f = buildFixture();
      state.db = f.db;
      if (key === 'attachments/[id]#GET') {
        const { receiveAttachment } = await import('@/lib/attachments/upload');
        const up = await receiveAttachment(f.db as never, f.actors.contractorX, new Request(`${base}/api/attachments`, uploadRequest(String(f.deliverableA.id), txt('台账\n', 'ledger.txt'))), { uploadDir: process.env.UPLOAD_DIR! });
        if (!up.ok) throw new Error(up.error);
        attachmentOf.set(f, up.attachmentId);
      }
      // Every table's digest around each invalid request: a write the audit trail does not show fails too.
      watchWrites(f.db);
      const problems: string[] = [];
      const outcome = await fc.check(
        fc.asyncProperty(spec.requests(f), async (r) => {
          tally.inputs++;
          state.actor = spec.who(f);
          const before = tableDigest(f.db);
          let res: Response;
          let body: string;
          try {
            res = await mod[method]!(new Request(r.url, r.init ?? { method }), { params: Promise.resolve(r.params ?? {}) });
            body = await res.text(); // a streamed body that fails half-way fails here
          } catch (e) {
            tally.unhandled++;
            problems.push(`${r.label} ${r.why ?? r.url.slice(0, 120)}: threw ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 160)}` : String(e)}`);
            return false;
          }
          if (res.status >= 500) {
            tally.unhandled++;
            problems.push(`${r.label} ${r.why ?? r.url.slice(0, 120)}: ${res.status} ${body.slice(0, 160)}`);
            return false;
          }
          const leak = res.status >= 400 ? leakIn(body) : null;
          if (leak) {
            tally.unhandled++;
            problems.push(`${r.label} ${r.why ?? ''}: the ${res.status} answer shows a ${leak}`);
            return false;
          }
          const written = r.label === 'invalid' ? changedTables(before, tableDigest(f.db)) : [];
          if (r.label === 'invalid' && (!(spec.refused ?? ((x) => x.status >= 400))(res) || written.length > 0)) {
            tally.invalidAccepted++;
            problems.push(`accepted ${r.why}: ${[res.status, res.headers.get('location'), written.length > 0 ? `and wrote to ${written.join(', ')}` : ''].filter(Boolean).join(' ')}`);
            return false;
          }
          return true;
        }),
        { numRuns: runs, endOnFailure: true },
      );
      expect(problems.slice(0, 3).map((p) => p.slice(0, 400)), `seed ${outcome.seed}`).toEqual([]);
    }, 600_000);
  }

  afterAll(() => reportTally('route handlers', tally));
});
