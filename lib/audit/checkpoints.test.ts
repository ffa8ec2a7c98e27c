import type Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/client';
import { auditCheckpoints } from '../../db/schema';
import { systemActor } from '../auth/actor';
import { createDepartment } from '../departments/service';
import { testDb } from '../testing/db';
import { eventHash, GENESIS_HASH, type ChainedEvent } from './chain';
import {
  checkpointIfHeadMoved,
  checkpointPageQuery,
  checkpointStatement,
  createCheckpoint,
  latestCheckpoint,
  listCheckpoints,
  publicCheckpointPage,
  toCheckpointExport,
  verifyAgainstCheckpoint,
  verifyCheckpointSignature,
  verifyStoredCheckpoints,
  type CheckpointExport,
} from './checkpoints';
import { loadOrCreateSigningKey, parsePublicKey, readPublicKey, type SigningKey } from './keys';
import { verifyAuditChain } from './verify';

const actor = systemActor('test');
const REGISTRY = 'Test registry';
const SIGNED_AT = new Date('2026-05-01T08:00:00.000Z');

let keyDir: string;
let key: SigningKey;
let otherKey: SigningKey;
let db: Db;
let departmentsMade = 0;

function seedEvents(target: Db, n: number) {
  for (let i = 0; i < n; i++) {
    const code = `LG-D-C${departmentsMade}`;
    createDepartment(target, actor, { code, nameZh: `部门${departmentsMade}`, nameEn: `Dept ${departmentsMade}`, kind: 'government' });
    departmentsMade += 1;
  }
}

/** What someone with the database file and no respect for the triggers could do. */
function dropTriggers(sqlite: Database.Database) {
  sqlite.exec('drop trigger if exists audit_events_no_update; drop trigger if exists audit_events_no_delete;');
}

type StoredEvent = ChainedEvent & { prevHash: string; hash: string };

function storedEvents(sqlite: Database.Database): StoredEvent[] {
  return sqlite
    .prepare(
      `select seq, occurred_at as occurredAt, actor_id as actorId, actor_name as actorName, actor_role as actorRole,
              actor_org as actorOrg, action, entity_type as entityType, entity_id as entityId,
              department_id as departmentId, data, request_meta as requestMeta, prev_hash as prevHash, hash
       from audit_events order by seq`,
    )
    .all() as StoredEvent[];
}

/** Changes one event's data and recomputes every hash and prev_hash from genesis, as a careful forger would. */
function rewriteHistory(sqlite: Database.Database, seq: number) {
  dropTriggers(sqlite);
  sqlite.prepare(`update audit_events set data = replace(data, 'Dept', 'Forged dept') where seq = ?`).run(seq);
  const update = sqlite.prepare('update audit_events set prev_hash = ?, hash = ? where seq = ?');
  let prevHash = GENESIS_HASH;
  for (const event of storedEvents(sqlite)) {
    const hash = eventHash(prevHash, event);
    update.run(prevHash, hash, event.seq);
    prevHash = hash;
  }
}

beforeAll(() => {
  keyDir = mkdtempSync(path.join(tmpdir(), 'audit-keys-'));
  key = loadOrCreateSigningKey(path.join(keyDir, 'registry.pem'));
  otherKey = loadOrCreateSigningKey(path.join(keyDir, 'other.pem'));
});

beforeEach(() => {
  departmentsMade = 0;
  db = testDb();
});

describe('signing key', () => {
  it('is created on first use with mode 0600 in a new folder, and loaded afterwards', () => {
    const file = path.join(keyDir, 'nested', 'deeper', 'key.pem');
    expect(readPublicKey(file)).toBeUndefined();
    const created = loadOrCreateSigningKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSigningKey(file).publicKeyBase64).toBe(created.publicKeyBase64);
    expect(readPublicKey(file)).toBe(created.publicKeyBase64);
    expect(created.privateKey.asymmetricKeyType).toBe('ed25519');
  });

  it('parses a public key as base64 SPKI DER or PEM and refuses other key types', () => {
    expect(parsePublicKey(key.publicKeyBase64).asymmetricKeyType).toBe('ed25519');
    expect(parsePublicKey(key.publicKey.export({ type: 'spki', format: 'pem' }).toString()).asymmetricKeyType).toBe('ed25519');
    const x25519 = generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(() => parsePublicKey(x25519)).toThrow(/Ed25519/);
  });
});

describe('signed checkpoints', () => {
  it('signs the documented statement bytes, verifiable with nothing but node:crypto', () => {
    seedEvents(db, 3);
    const cp = createCheckpoint(db, key, REGISTRY, SIGNED_AT);
    const head = db.$client.prepare('select hash from audit_events where seq = 3').pluck().get() as string;
    const statement = `{"eventCount":3,"headHash":"${head}","registry":"${REGISTRY}","signedAt":"2026-05-01T08:00:00.000Z"}`;
    expect(checkpointStatement(cp).toString('utf8')).toBe(statement);

    const exported = toCheckpointExport(cp);
    expect(exported).toEqual({ registry: REGISTRY, eventCount: 3, headHash: head, signedAt: SIGNED_AT.toISOString(), publicKey: key.publicKeyBase64, signature: cp.signature, algorithm: 'Ed25519' });
    const outsidersKey = createPublicKey({ key: Buffer.from(exported.publicKey, 'base64'), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(statement, 'utf8'), outsidersKey, Buffer.from(exported.signature, 'base64'))).toBe(true);
    expect(verifyCheckpointSignature(exported)).toBe(true);
    expect(verifyCheckpointSignature(exported, key.publicKeyBase64)).toBe(true);
  });

  it('a signature no longer verifies when any signed field changes', () => {
    seedEvents(db, 2);
    const exported = toCheckpointExport(createCheckpoint(db, key, REGISTRY, SIGNED_AT));
    expect(verifyCheckpointSignature({ ...exported, eventCount: 1 })).toBe(false);
    expect(verifyCheckpointSignature({ ...exported, headHash: GENESIS_HASH })).toBe(false);
    expect(verifyCheckpointSignature({ ...exported, signedAt: '2026-05-01T08:00:01.000Z' })).toBe(false);
    expect(verifyCheckpointSignature({ ...exported, registry: 'Another registry' })).toBe(false);
    expect(verifyCheckpointSignature({ ...exported, signature: 'not a signature' })).toBe(false);
    expect(verifyCheckpointSignature({ ...exported, publicKey: 'not a key' })).toBe(false);
  });

  it('checkpointIfHeadMoved signs only when the head moved, and a fresh registry gets one', () => {
    const empty = checkpointIfHeadMoved(db, key, REGISTRY, SIGNED_AT);
    expect(empty).toMatchObject({ eventCount: 0, headHash: GENESIS_HASH });
    expect(checkpointIfHeadMoved(db, key, REGISTRY)).toBeNull();

    seedEvents(db, 4);
    const moved = checkpointIfHeadMoved(db, key, REGISTRY);
    expect(moved).toMatchObject({ eventCount: 4 });
    expect(checkpointIfHeadMoved(db, key, REGISTRY)).toBeNull();
    expect(checkpointIfHeadMoved(db, key, REGISTRY)).toBeNull();
    expect(latestCheckpoint(db)?.id).toBe(moved?.id);
    expect(db.$client.prepare('select count(*) from audit_checkpoints').pluck().get()).toBe(2);
    expect(verifyStoredCheckpoints(db.$client, key.publicKeyBase64)).toEqual({ ok: true, count: 2 });
  });

  it('the database refuses UPDATE and DELETE on checkpoints', () => {
    seedEvents(db, 1);
    createCheckpoint(db, key, REGISTRY);
    expect(() => db.$client.exec(`update audit_checkpoints set event_count = 0`)).toThrow(/append-only/);
    expect(() => db.$client.exec('delete from audit_checkpoints')).toThrow(/append-only/);
  });

  it('lists checkpoints newest first with a cursor, and validates the public query', () => {
    for (let i = 0; i < 5; i++) {
      seedEvents(db, 1);
      createCheckpoint(db, key, REGISTRY);
    }
    const first = listCheckpoints(db, { limit: 2 });
    expect(first.items.map((c) => c.eventCount)).toEqual([5, 4]);
    const second = listCheckpoints(db, { limit: 2, beforeId: first.nextCursor ?? undefined });
    expect(second.items.map((c) => c.eventCount)).toEqual([3, 2]);
    const last = listCheckpoints(db, { limit: 2, beforeId: second.nextCursor ?? undefined });
    expect(last).toMatchObject({ items: [{ eventCount: 1 }], nextCursor: null });

    const page = publicCheckpointPage(db, key.publicKeyBase64, checkpointPageQuery.parse({ limit: '3' }));
    expect(page).toMatchObject({ publicKey: key.publicKeyBase64, algorithm: 'Ed25519', nextCursor: page.items[2]?.id });
    expect(page.items[0]).toMatchObject({ id: expect.any(Number), eventCount: 5, algorithm: 'Ed25519' });
    expect(checkpointPageQuery.parse({})).toEqual({ limit: 20 });
    expect(checkpointPageQuery.safeParse({ limit: '101' }).success).toBe(false);
    expect(checkpointPageQuery.safeParse({ before: 'abc' }).success).toBe(false);
  });
});

describe('a signature made with another key', () => {
  beforeEach(() => seedEvents(db, 3));

  it('is rejected by the stored check when the registry key is trusted', () => {
    createCheckpoint(db, key, REGISTRY);
    const foreign = createCheckpoint(db, otherKey, REGISTRY);
    expect(verifyStoredCheckpoints(db.$client, key.publicKeyBase64)).toMatchObject({ ok: false, check: 'signature', checkpointId: foreign.id });
    // Without a trusted key, a checkpoint is only as good as the key it carries.
    expect(verifyStoredCheckpoints(db.$client)).toEqual({ ok: true, count: 2 });
  });

  it('is rejected by the stored check even untrusted when it claims the registry key', () => {
    const genuine = createCheckpoint(db, key, REGISTRY, SIGNED_AT);
    const forged = createCheckpoint(db, otherKey, REGISTRY, SIGNED_AT);
    db.insert(auditCheckpoints)
      .values({ ...toCheckpointExport(genuine), signature: forged.signature })
      .run();
    expect(verifyStoredCheckpoints(db.$client, key.publicKeyBase64)).toMatchObject({ ok: false, check: 'signature', checkpointId: forged.id });
    expect(verifyStoredCheckpoints(db.$client)).toMatchObject({ ok: false, check: 'signature', checkpointId: forged.id + 1 });
  });

  it('is rejected by the saved-checkpoint check when a key is trusted', () => {
    const foreign = toCheckpointExport(createCheckpoint(db, otherKey, REGISTRY));
    expect(verifyAgainstCheckpoint(db.$client, foreign, key.publicKeyBase64)).toMatchObject({ ok: false, check: 'signature' });
    expect(verifyAgainstCheckpoint(db.$client, { ...foreign, publicKey: key.publicKeyBase64 })).toMatchObject({ ok: false, check: 'signature' });
    expect(verifyAgainstCheckpoint(db.$client, foreign, otherKey.publicKeyBase64)).toMatchObject({ ok: true, eventCount: 3 });
  });
});

describe('tampering against a saved checkpoint', () => {
  let saved: CheckpointExport;
  let savedId: number;

  // Six events, a checkpoint an outsider saves, then two more events after it.
  beforeEach(() => {
    seedEvents(db, 6);
    const cp = createCheckpoint(db, key, REGISTRY, SIGNED_AT);
    saved = toCheckpointExport(cp);
    savedId = cp.id;
    seedEvents(db, 2);
  });

  const againstSaved = () => verifyAgainstCheckpoint(db.$client, saved, key.publicKeyBase64);
  const stored = () => verifyStoredCheckpoints(db.$client, key.publicKeyBase64);

  it('an untouched history matches the checkpoint', () => {
    expect(againstSaved()).toEqual({ ok: true, eventCount: 6, headHash: saved.headHash, signedAt: SIGNED_AT.toISOString() });
    expect(stored()).toEqual({ ok: true, count: 1 });
  });

  const cases: { name: string; tamper: (sqlite: Database.Database) => void; check: string; firstBadSeq: number }[] = [
    {
      name: 'edit',
      tamper: (s) => s.exec(`update audit_events set data = replace(data, 'Dept', 'Forged dept') where seq = 3`),
      check: 'chain',
      firstBadSeq: 3,
    },
    { name: 'delete', tamper: (s) => s.exec('delete from audit_events where seq = 3'), check: 'chain', firstBadSeq: 3 },
    {
      // The forged event links correctly to event 2, so the break shows at the event it pushed down.
      name: 'insert',
      tamper: (s) => {
        const [, second, third] = storedEvents(s);
        if (!second || !third) throw new Error('fixture has too few events');
        s.exec('update audit_events set seq = seq + 100 where seq >= 3; update audit_events set seq = seq - 99 where seq >= 100;');
        const forged: ChainedEvent = { ...third, data: third.data.replace('Dept', 'Forged dept') };
        s.prepare(
          `insert into audit_events (seq, occurred_at, actor_id, actor_name, actor_role, actor_org, action, entity_type, entity_id, department_id, data, request_meta, prev_hash, hash)
           values (@seq, @occurredAt, @actorId, @actorName, @actorRole, @actorOrg, @action, @entityType, @entityId, @departmentId, @data, @requestMeta, @prevHash, @hash)`,
        ).run({ ...forged, prevHash: second.hash, hash: eventHash(second.hash, forged) });
      },
      check: 'chain',
      firstBadSeq: 4,
    },
    {
      name: 'reorder',
      tamper: (s) => s.exec('update audit_events set seq = 100 where seq = 2; update audit_events set seq = 2 where seq = 3; update audit_events set seq = 3 where seq = 100;'),
      check: 'chain',
      firstBadSeq: 2,
    },
    { name: 'truncate', tamper: (s) => s.exec('delete from audit_events where seq >= 5'), check: 'count', firstBadSeq: 5 },
  ];

  for (const c of cases) {
    it(`${c.name} is caught by the ${c.check} check`, () => {
      dropTriggers(db.$client);
      c.tamper(db.$client);
      expect(verifyAuditChain(db.$client).ok).toBe(false);
      const result = againstSaved();
      expect(result).toMatchObject({ ok: false, check: c.check, firstBadSeq: c.firstBadSeq });
      expect(!result.ok && result.reason).toMatch(/^history up to event 6 was changed: /);
      expect(stored()).toMatchObject({ ok: false, check: c.check, firstBadSeq: c.firstBadSeq, checkpointId: savedId });
    });
  }

  it('a full rewrite with recomputed hashes passes the chain check but not the checkpoint saved before it', () => {
    rewriteHistory(db.$client, 2);
    expect(verifyAuditChain(db.$client)).toMatchObject({ ok: true, count: 8 });

    const result = againstSaved();
    expect(result).toMatchObject({ ok: false, check: 'head', eventCount: 6 });
    expect(result.ok || result.firstBadSeq).toBeUndefined();
    expect(!result.ok && result.reason).toMatch(/^history up to event 6 differs from the checkpoint signed at 2026-05-01T08:00:00.000Z/);
    expect(!result.ok && result.reason).toMatch(/cannot be determined/);
    expect(stored()).toMatchObject({ ok: false, check: 'head', checkpointId: savedId });

    // A checkpoint signed after the rewrite vouches only for the rewritten history.
    const after = toCheckpointExport(createCheckpoint(db, key, REGISTRY));
    expect(verifyAgainstCheckpoint(db.$client, after, key.publicKeyBase64)).toMatchObject({ ok: true, eventCount: 8 });
  });

  it('rewriting only events after the checkpoint leaves the history up to it unchanged', () => {
    rewriteHistory(db.$client, 7);
    expect(verifyAuditChain(db.$client).ok).toBe(true);
    expect(againstSaved()).toMatchObject({ ok: true, eventCount: 6 });
    expect(stored()).toEqual({ ok: true, count: 1 });
  });
});

type Run = { code: number; stdout: string; stderr: string };

function runVerify(env: Record<string, string>, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(path.join(process.cwd(), 'node_modules', '.bin', 'tsx'), [path.join(process.cwd(), 'scripts', 'audit-verify.ts'), ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run audit:verify', () => {
  it('says a saved checkpoint matches, then that the history CHANGED after a full rewrite', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audit-verify-'));
    const env = { DATABASE_PATH: path.join(dir, 'registry.db'), AUDIT_KEY_PATH: path.join(dir, 'key.pem') };
    const checkpointFile = path.join(dir, 'checkpoint.json');
    const fileDb = openDatabase(env.DATABASE_PATH);
    seedEvents(fileDb, 6);
    const registryKey = loadOrCreateSigningKey(env.AUDIT_KEY_PATH);
    const cp = createCheckpoint(fileDb, registryKey, REGISTRY, SIGNED_AT);
    writeFileSync(checkpointFile, JSON.stringify({ id: cp.id, ...toCheckpointExport(cp) }));
    fileDb.$client.close();

    const intact = await runVerify(env, ['--checkpoint', checkpointFile]);
    expect(intact).toMatchObject({ code: 0, stderr: '' });
    expect(intact.stdout).toContain('audit: chain verified: 6 events');
    expect(intact.stdout).toContain(`audit: 1 checkpoints verified (signatures checked with the registry's key in ${env.AUDIT_KEY_PATH})`);
    expect(intact.stdout).toContain('audit: history up to event 6 is unchanged (matches the checkpoint signed at 2026-05-01T08:00:00.000Z)');

    const rewritten = openDatabase(env.DATABASE_PATH, { migrate: false });
    rewriteHistory(rewritten.$client, 2);
    rewritten.$client.close();

    const [changed, foreignKey] = await Promise.all([
      runVerify(env, ['--checkpoint', checkpointFile]),
      runVerify(env, ['--checkpoint', checkpointFile, '--public-key', otherKey.publicKeyBase64]),
    ]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('audit: chain verified: 6 events');
    expect(changed.stderr).toContain(`audit: stored checkpoint FAILED: checkpoint ${cp.id}: history up to event 6 differs from the checkpoint`);
    expect(changed.stderr).toContain('audit: history CHANGED: history up to event 6 differs from the checkpoint signed at 2026-05-01T08:00:00.000Z');
    expect(foreignKey.code).toBe(1);
    expect(foreignKey.stderr).toContain('audit: checkpoint REJECTED: the signature does not verify with the trusted public key');
  }, 20_000);
});
