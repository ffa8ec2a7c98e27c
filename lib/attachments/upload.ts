import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
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
  | 'name_too_long'
  | 'too_large'
  | 'empty'
  | 'type_not_allowed'
  | 'type_mismatch'
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

/** The request's body, failing as soon as it grows past `limit` bytes, whatever Content-Length claimed. */
function boundedRequest(request: Request, limit: number): Request {
  const body = request.body ? (Readable.toWeb(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>).pipe(limitBytes(limit))) as ReadableStream<Uint8Array>) : null;
  return new Request(request.url, { method: 'POST', headers: request.headers, body, duplex: 'half' } as RequestInit);
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
  /** Finds the record named by the form and checks the actor's scope; throws AppError when out of scope. */
  locate(form: FormData): { backTo?: number };
  /** Records the stored file (row and audit event) inside the write transaction. */
  record(tx: Tx, file: StoredFile): T;
};

/**
 * Receives one file from a multipart request: checks the actor's permission before reading the body and
 * the record's scope once its fields are read, streams the file to a temporary file while hashing it,
 * refuses names with paths, files over the limit and content that is not an allowed type (or does not
 * match its extension), then moves it to `uploadDir/<sha256>` and records the row and its audit event in
 * one transaction. A refused upload leaves nothing behind.
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

  let form: FormData;
  try {
    form = await boundedRequest(request, maxBytes + MULTIPART_OVERHEAD).formData();
  } catch (e) {
    return e instanceof TooLarge || (e instanceof Error && e.cause instanceof TooLarge) ? refuse(413, 'too_large') : refuse(400, 'bad_request');
  }

  let backTo: number | undefined;
  try {
    backTo = target.locate(form).backTo;
  } catch (e) {
    return appErrorOutcome(e);
  }

  const file = form.get('file');
  if (!(file instanceof File)) return refuse(400, 'file_missing', backTo);
  const nameProblem = fileNameProblem(file.name);
  if (nameProblem) return refuse(400, nameProblem, backTo);
  if (file.size > maxBytes) return refuse(413, 'too_large', backTo);
  if (file.size === 0) return refuse(400, 'empty', backTo);

  const tmpDir = path.join(options.uploadDir, '.tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, randomUUID());
  try {
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        Readable.fromWeb(file.stream() as NodeReadableStream<Uint8Array>),
        limitBytes(maxBytes, (chunk) => {
          hash.update(chunk);
          size += chunk.length;
        }),
        createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }),
      );
    } catch (e) {
      if (e instanceof TooLarge) return refuse(413, 'too_large', backTo);
      throw e;
    }
    const detected = await detectMediaType(tmpPath, file.name);
    if ('refused' in detected) return refuse(415, detected.refused, backTo);

    const sha256 = hash.digest('hex');
    const finalPath = path.join(options.uploadDir, sha256);
    const existed = await access(finalPath).then(
      () => true,
      () => false,
    );
    if (!existed) await rename(tmpPath, finalPath);
    try {
      const added = writeTransaction(db, (tx) => target.record(tx, { fileName: file.name, mediaType: detected.mediaType, sizeBytes: size, sha256 }));
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
function formId(form: FormData, name: string): number | undefined {
  const value = Number(form.get(name));
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** One attachment for a deliverable (fields `deliverableId`, `file`), by one of its contractor's users while it awaits review. */
export function receiveAttachment(db: Db, actor: Actor | null, request: Request, options: { uploadDir: string; maxBytes?: number }) {
  let deliverableId = 0;
  return receiveFile(db, actor, request, options, {
    permission: 'deliverable.submit',
    locate(form) {
      const id = formId(form, 'deliverableId');
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
