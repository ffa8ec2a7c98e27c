import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import busboy from 'busboy';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import type { Actor } from '../auth/actor';
import { requirePermission, type Permission } from '../auth/permissions';
import { isAppError, notFound } from '../errors';
import { detectMediaType } from './content-type';
import { fileNameProblem } from './file-name';
import { addAttachmentInTx, addContractorDocumentInTx, findContractorForDocument, findDeliverableForUpload, isHashReferenced, type StoredFile } from './service';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Room for the multipart boundaries and the other fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

export type UploadRefusal =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'bad_request'
  | 'file_missing'
  | 'name_missing'
  | 'name_path'
  | 'name_control'
  | 'name_bidi'
  | 'name_too_long'
  | 'too_large'
  | 'empty'
  | 'type_not_allowed'
  | 'type_mismatch'
  | 'archive_too_large'
  | 'deliverable_reviewed';

/** A stored file's row, or why it was refused; `backTo` names the record a plain form returns to. */
export type UploadOutcome<T extends object = { attachmentId: number }> = ({ ok: true; status: 201 } & T) | { ok: false; status: number; error: UploadRefusal; backTo?: number };

const refuse = (status: number, error: UploadRefusal, backTo?: number): { ok: false; status: number; error: UploadRefusal; backTo?: number } => ({ ok: false, status, error, backTo });

class TooLarge extends Error {}

/** A byte counter that fails the stream once more than `limit` bytes have passed. */
function limitBytes(limit: number, onChunk?: (chunk: Uint8Array) => void) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) return done(new TooLarge());
      onChunk?.(chunk);
      done(null, chunk);
    },
  });
}

function appErrorOutcome(e: unknown, backTo?: number) {
  if (!isAppError(e)) throw e;
  if (e.code === 'unauthenticated') return refuse(401, 'unauthenticated');
  if (e.code === 'forbidden') return refuse(403, 'forbidden');
  if (e.code === 'not_found') return refuse(404, 'not_found');
  if (e.code === 'rule') return refuse(409, 'deliverable_reviewed', backTo);
  return refuse(400, 'bad_request', backTo);
}

/** Where an upload goes: the permission checked before the body is read, then the record's own checks. */
type UploadTarget<T> = {
  permission: Permission;
  /** Finds the record named by the fields sent before the file and checks the actor's scope; throws AppError when out of scope. */
  locate(fields: ReadonlyMap<string, string>): { backTo?: number };
  /** Records the stored file (row and audit event) inside the write transaction. */
  record(tx: Tx, file: StoredFile): T;
};

type Refusal = ReturnType<typeof refuse>;
type Received = { ok: true; backTo?: number; fileName: string; tmpPath: string; size: number; sha256: string };

/**
 * Reads the multipart body as it arrives (busboy): the fields before the file locate the record, then the
 * file streams to a temporary file while it is hashed and counted; nothing of it is held in memory. The
 * whole body may not exceed `maxBytes` plus room for the other parts, whatever Content-Length claimed.
 */
async function streamToTemporaryFile(request: Request, maxBytes: number, tmpPath: string, locate: (fields: ReadonlyMap<string, string>) => { backTo?: number }): Promise<Received | Refusal> {
  if (!request.body) return refuse(400, 'bad_request');
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': request.headers.get('content-type') ?? '' }, preservePath: true, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 4096, parts: 25 } });
  } catch {
    return refuse(400, 'bad_request');
  }
  const fields = new Map<string, string>();
  let outcome: Received | Refusal | undefined;
  let located: { backTo?: number } | undefined;
  let writing: Promise<void> | undefined;
  const locateOnce = () => {
    located ??= locate(fields);
    return located;
  };

  parser.on('field', (name, value) => {
    if (!fields.has(name)) fields.set(name, value);
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || outcome) return void stream.resume();
    let backTo: number | undefined;
    try {
      backTo = locateOnce().backTo;
    } catch (e) {
      outcome = appErrorOutcome(e);
      return void stream.resume();
    }
    const nameProblem = fileNameProblem(info.filename ?? '');
    if (nameProblem) {
      outcome = refuse(400, nameProblem, backTo);
      return void stream.resume();
    }
    const hash = createHash('sha256');
    let size = 0;
    stream.on('limit', () => (outcome = refuse(413, 'too_large', backTo)));
    writing = pipeline(
      stream,
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }),
    ).then(() => {
      outcome ??= size === 0 ? refuse(400, 'empty', backTo) : { ok: true, backTo, fileName: info.filename ?? '', tmpPath, size, sha256: hash.digest('hex') };
    });
  });

  try {
    await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), limitBytes(maxBytes + MULTIPART_OVERHEAD), parser);
    await writing;
  } catch (e) {
    await writing?.catch(() => undefined);
    return e instanceof TooLarge || (e instanceof Error && e.cause instanceof TooLarge) ? refuse(413, 'too_large', located?.backTo) : refuse(400, 'bad_request', located?.backTo);
  }
  if (outcome) return outcome;
  try {
    return refuse(400, 'file_missing', locateOnce().backTo);
  } catch (e) {
    return appErrorOutcome(e);
  }
}

/**
 * Receives one file from a multipart request: checks the actor's permission before reading the body and
 * the record's scope once the fields before the file are read, streams the file to a temporary file while
 * hashing it, refuses names with paths, files over the limit and content that is not an allowed type (or
 * does not match its extension), then moves it to `uploadDir/<sha256>` and records the row and its audit
 * event in one transaction. A refused upload leaves nothing behind.
 */
async function receiveFile<T extends object>(db: Db, actor: Actor | null, request: Request, options: { uploadDir: string; maxBytes?: number }, target: UploadTarget<T>): Promise<UploadOutcome<T>> {
  const maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
  if (!actor || actor.role === 'public') return refuse(401, 'unauthenticated');
  try {
    requirePermission(actor, target.permission);
  } catch (e) {
    return appErrorOutcome(e);
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes + MULTIPART_OVERHEAD) return refuse(413, 'too_large');

  const tmpDir = path.join(options.uploadDir, '.tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, randomUUID());
  try {
    const received = await streamToTemporaryFile(request, maxBytes, tmpPath, target.locate);
    if (!received.ok) return received;
    const { backTo, sha256, size, fileName } = received;
    const detected = await detectMediaType(tmpPath, fileName);
    if ('refused' in detected) return refuse(detected.refused === 'archive_too_large' ? 413 : 415, detected.refused, backTo);

    const finalPath = path.join(options.uploadDir, sha256);
    const existed = await access(finalPath).then(
      () => true,
      () => false,
    );
    if (!existed) await rename(tmpPath, finalPath);
    try {
      const added = writeTransaction(db, (tx) => target.record(tx, { fileName, mediaType: detected.mediaType, sizeBytes: size, sha256 }));
      return { ok: true, status: 201, ...added };
    } catch (e) {
      if (!existed && !isHashReferenced(db, sha256)) await rm(finalPath, { force: true });
      return appErrorOutcome(e, backTo);
    }
  } finally {
    await rm(tmpPath, { force: true });
  }
}

/** A positive integer id from a form field, or undefined. */
function formId(fields: ReadonlyMap<string, string>, name: string): number | undefined {
  const value = Number(fields.get(name));
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * One attachment for a deliverable (fields `deliverableId`, then `file`: HTML forms send them in that
 * order), by one of its contractor's users while it awaits review.
 */
export function receiveAttachment(db: Db, actor: Actor | null, request: Request, options: { uploadDir: string; maxBytes?: number }) {
  let deliverableId = 0;
  return receiveFile(db, actor, request, options, {
    permission: 'deliverable.submit',
    locate(fields) {
      const id = formId(fields, 'deliverableId');
      if (id === undefined) throw notFound('deliverable');
      deliverableId = id;
      return { backTo: findDeliverableForUpload(db, actor!, id).contractId };
    },
    record: (tx, file) => addAttachmentInTx(tx, actor!, deliverableId, file),
  });
}

/** One qualification document for a contractor (field `file`), by someone who may edit the register. */
export function receiveContractorDocument(db: Db, actor: Actor | null, contractorId: number, request: Request, options: { uploadDir: string; maxBytes?: number }) {
  return receiveFile(db, actor, request, options, {
    permission: 'contractor.edit',
    locate() {
      findContractorForDocument(db, actor!, contractorId);
      return { backTo: contractorId };
    },
    record: (tx, file) => addContractorDocumentInTx(tx, actor!, contractorId, file),
  });
}
