import type Database from 'better-sqlite3';
import { sign, verify } from 'node:crypto';
import { desc, lt } from 'drizzle-orm';
import { z } from 'zod';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { auditCheckpoints, auditEvents } from '../../db/schema';
import { canonicalJson, GENESIS_HASH } from './chain';
import { parsePublicKey, type SigningKey } from './keys';
import { verifyChainPrefix, type ChainPrefixResult } from './verify';

export const CHECKPOINT_ALGORITHM = 'Ed25519';

export type Checkpoint = typeof auditCheckpoints.$inferSelect;

type Statement = { registry: string; eventCount: number; headHash: string; signedAt: string };

/**
 * The exact bytes a checkpoint's signature covers, so that anyone can verify it without this code:
 *
 *   UTF-8 of the RFC 8785 canonical JSON of {registry, eventCount, headHash, signedAt}, i.e. keys in
 *   this order, no whitespace, no trailing newline:
 *   {"eventCount":1234,"headHash":"<64 lowercase hex>","registry":"<name>","signedAt":"2026-05-01T08:00:00.000Z"}
 *
 * eventCount is the sequence number of the head event (0 and GENESIS_HASH for an empty trail); headHash
 * is that event's `hash`. The signature is pure Ed25519 (RFC 8032, no pre-hash) over those bytes, base64.
 * The public key is base64 of its SPKI DER encoding (prefix with the PEM header to use it with OpenSSL:
 * `openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in statement.json -sigfile signature.bin`).
 */
export function checkpointStatement(s: Statement): Buffer {
  return Buffer.from(canonicalJson({ registry: s.registry, eventCount: s.eventCount, headHash: s.headHash, signedAt: s.signedAt }), 'utf8');
}

/** A checkpoint as published and as an outsider saves it; `--checkpoint FILE` reads this shape. */
export const checkpointExportSchema = z.object({
  registry: z.string().min(1),
  eventCount: z.number().int().nonnegative(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/, 'headHash must be 64 lowercase hex digits'),
  signedAt: z.iso.datetime(),
  publicKey: z.string().min(1),
  signature: z.base64(),
  algorithm: z.literal(CHECKPOINT_ALGORITHM),
});
export type CheckpointExport = z.infer<typeof checkpointExportSchema>;

export function toCheckpointExport(cp: Checkpoint): CheckpointExport {
  const { registry, eventCount, headHash, signedAt, publicKey, signature } = cp;
  return { registry, eventCount, headHash, signedAt, publicKey, signature, algorithm: CHECKPOINT_ALGORITHM };
}

function readHead(tx: Tx): { eventCount: number; headHash: string } {
  const head = tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get();
  return { eventCount: head?.seq ?? 0, headHash: head?.hash ?? GENESIS_HASH };
}

function insertCheckpoint(tx: Tx, key: SigningKey, registry: string, now: Date, head: { eventCount: number; headHash: string }): Checkpoint {
  const statement = { registry, ...head, signedAt: now.toISOString() };
  const signature = sign(null, checkpointStatement(statement), key.privateKey).toString('base64');
  return tx
    .insert(auditCheckpoints)
    .values({ ...statement, publicKey: key.publicKeyBase64, signature })
    .returning()
    .get();
}

/** Signs the current head of the audit chain and stores the checkpoint. */
export function createCheckpoint(db: Db, key: SigningKey, registryName: string, now = new Date()): Checkpoint {
  return writeTransaction(db, (tx) => insertCheckpoint(tx, key, registryName, now, readHead(tx)));
}

/** Signs a checkpoint unless the latest one already states the current head; null when nothing moved. */
export function checkpointIfHeadMoved(db: Db, key: SigningKey, registryName: string, now = new Date()): Checkpoint | null {
  return writeTransaction(db, (tx) => {
    const head = readHead(tx);
    const latest = tx.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1).get();
    if (latest && latest.eventCount === head.eventCount && latest.headHash === head.headHash) return null;
    return insertCheckpoint(tx, key, registryName, now, head);
  });
}

/** Newest first, keyset-paged by id; `nextCursor` is the `beforeId` of the next page, null on the last. */
export function listCheckpoints(db: Db, options: { limit?: number; beforeId?: number } = {}): { items: Checkpoint[]; nextCursor: number | null } {
  const limit = options.limit ?? 20;
  const rows = db
    .select()
    .from(auditCheckpoints)
    .where(options.beforeId ? lt(auditCheckpoints.id, options.beforeId) : undefined)
    .orderBy(desc(auditCheckpoints.id))
    .limit(limit + 1)
    .all();
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

export function latestCheckpoint(db: Db): Checkpoint | undefined {
  return db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1).get();
}

export const checkpointPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.coerce.number().int().positive().optional(),
});

export type PublicCheckpoint = CheckpointExport & { id: number };

export function toPublicCheckpoint(cp: Checkpoint): PublicCheckpoint {
  return { id: cp.id, ...toCheckpointExport(cp) };
}

/** The body of GET /api/public/audit/checkpoints. */
export function publicCheckpointPage(db: Db, publicKey: string, query: z.output<typeof checkpointPageQuery>) {
  const { items, nextCursor } = listCheckpoints(db, { limit: query.limit, beforeId: query.before });
  return { publicKey, algorithm: CHECKPOINT_ALGORITHM, items: items.map(toPublicCheckpoint), nextCursor };
}

/** True when the signature verifies with the trusted key if one is given, else with the key the checkpoint carries. */
export function verifyCheckpointSignature(cp: Statement & { publicKey: string; signature: string }, trustedPublicKey?: string): boolean {
  try {
    const key = parsePublicKey(trustedPublicKey ?? cp.publicKey);
    return verify(null, checkpointStatement(cp), key, Buffer.from(cp.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Which check caught the problem: the signature, a break in the chain, missing events, or a different head. */
export type CheckpointCheck = 'signature' | 'chain' | 'count' | 'head';
export type CheckpointFailure = { ok: false; check: CheckpointCheck; reason: string; eventCount: number; firstBadSeq?: number };
export type CheckpointVerification = { ok: true; eventCount: number; headHash: string; signedAt: string } | CheckpointFailure;

function signatureFailure(cp: Statement & { publicKey: string; signature: string }, trustedPublicKey?: string): CheckpointFailure | null {
  if (verifyCheckpointSignature(cp, trustedPublicKey)) return null;
  const reason = trustedPublicKey
    ? 'the signature does not verify with the trusted public key (the checkpoint was altered or signed by another key)'
    : 'the signature does not verify with the public key in the checkpoint (the checkpoint was altered)';
  return { ok: false, check: 'signature', reason, eventCount: cp.eventCount };
}

/**
 * Compares the chain at the checkpoint's event count with its head hash. `hashAtCount` is the verified
 * chain's hash after that event, undefined when the walk did not get there.
 */
function compareWithChain(cp: Statement, hashAtCount: string | undefined, walk: ChainPrefixResult): CheckpointFailure | null {
  const n = cp.eventCount;
  if (hashAtCount === undefined) {
    if (!walk.ok) {
      return { ok: false, check: 'chain', eventCount: n, firstBadSeq: walk.firstBadSeq, reason: `history up to event ${n} was changed: ${walk.reason}` };
    }
    return {
      ok: false,
      check: 'count',
      eventCount: n,
      firstBadSeq: walk.count + 1,
      reason: `history up to event ${n} was changed: the database holds only ${walk.count} of the ${n} events the checkpoint covers (events ${walk.count + 1} to ${n} are missing)`,
    };
  }
  if (hashAtCount !== cp.headHash) {
    return {
      ok: false,
      check: 'head',
      eventCount: n,
      reason:
        `history up to event ${n} differs from the checkpoint signed at ${cp.signedAt}: the stored chain is consistent, but its hash at event ${n} is ` +
        `${hashAtCount} where the checkpoint says ${cp.headHash}, so events were rewritten and their hashes recomputed. A checkpoint records only ` +
        `the head hash, so the first changed event cannot be determined from it; it is one of events 1 to ${n} (an older checkpoint narrows it down)`,
    };
  }
  return null;
}

/**
 * Checks the database against a checkpoint saved earlier: its signature, then that the stored chain,
 * recomputed from genesis, reaches exactly the signed head hash at the signed event count. Events after
 * the checkpoint are not this check's concern (verifyAuditChain covers them).
 */
export function verifyAgainstCheckpoint(sqlite: Database.Database, cp: CheckpointExport, trustedPublicKey?: string): CheckpointVerification {
  const badSignature = signatureFailure(cp, trustedPublicKey);
  if (badSignature) return badSignature;
  const walk = verifyChainPrefix(sqlite, cp.eventCount);
  const failure = compareWithChain(cp, walk.ok && walk.count === cp.eventCount ? walk.hash : undefined, walk);
  return failure ?? { ok: true, eventCount: cp.eventCount, headHash: cp.headHash, signedAt: cp.signedAt };
}

export type StoredCheckpointsResult = { ok: true; count: number } | (CheckpointFailure & { checkpointId: number });

/**
 * Checks every stored checkpoint's signature (with the trusted key when given) and that the chain passes
 * through it, in one walk of the chain. Reports the checkpoint with the lowest event count that fails.
 */
export function verifyStoredCheckpoints(sqlite: Database.Database, trustedPublicKey?: string, options: { chainVerified?: boolean } = {}): StoredCheckpointsResult {
  const checkpoints = sqlite
    .prepare(
      `select id, registry, event_count as eventCount, head_hash as headHash, signed_at as signedAt, public_key as publicKey, signature
       from audit_checkpoints order by event_count, id`,
    )
    .all() as Checkpoint[];

  for (const cp of checkpoints) {
    const failure = signatureFailure(cp, trustedPublicKey);
    if (failure) return { ...failure, checkpointId: cp.id, reason: `checkpoint ${cp.id}: ${failure.reason}` };
  }

  const wanted = new Set(checkpoints.map((cp) => cp.eventCount));
  const hashes = new Map<number, string>([[0, GENESIS_HASH]]);
  let walk: ChainPrefixResult;
  if (options.chainVerified) {
    // The caller verified the whole chain just now: each stored hash is the chain's hash after its event.
    const read = sqlite.prepare('select hash from audit_events where seq = ?').pluck();
    for (const seq of wanted) {
      const hash = read.get(seq) as string | undefined;
      if (hash !== undefined) hashes.set(seq, hash);
    }
    const last = checkpoints.at(-1)?.eventCount ?? 0;
    walk = { ok: true, count: hashes.has(last) ? last : (sqlite.prepare('select count(*) from audit_events').pluck().get() as number), hash: hashes.get(last) ?? '' };
  } else {
    walk = verifyChainPrefix(sqlite, checkpoints.at(-1)?.eventCount ?? 0, (seq, hash) => {
      if (wanted.has(seq)) hashes.set(seq, hash);
    });
  }
  for (const cp of checkpoints) {
    const failure = compareWithChain(cp, hashes.get(cp.eventCount), walk);
    if (failure) return { ...failure, checkpointId: cp.id, reason: `checkpoint ${cp.id}: ${failure.reason}` };
  }
  return { ok: true, count: checkpoints.length };
}
