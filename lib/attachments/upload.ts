import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { writeTransaction, type Db } from '../../db/client';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { isAppError } from '../errors';
import { detectMediaType } from './content-type';
import { fileNameProblem } from './file-name';
import { addAttachmentInTx, findDeliverableForUpload, isHashReferenced } from './service';

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

export type UploadOutcome =
  | { ok: true; status: 201; attachmentId: number; deliverableId: number; contractId: number }
  | { ok: false; status: number; error: UploadRefusal; contractId?: number };

const refuse = (status: number, error: UploadRefusal, contractId?: number): UploadOutcome => ({ ok: false, status, error, contractId });

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

function appErrorOutcome(e: unknown, contractId?: number): UploadOutcome {
  if (!isAppError(e)) throw e;
  if (e.code === 'unauthenticated') return refuse(401, 'unauthenticated');
  if (e.code === 'forbidden') return refuse(403, 'forbidden');
  if (e.code === 'not_found') return refuse(404, 'not_found');
  if (e.code === 'rule') return refuse(409, 'deliverable_reviewed', contractId);
  return refuse(400, 'bad_request', contractId);
}

/**
 * Receives one attachment for a deliverable from a multipart request (fields `deliverableId`, `file`):
 * checks the actor's permission and scope before reading the body, streams the file to a temporary file
 * while hashing it, refuses names with paths, files over the limit and content that is not an allowed
 * type (or does not match its extension), then moves it to `uploadDir/<sha256>` and records the row and
 * its audit event in one transaction. A refused upload leaves nothing behind.
 */
export async function receiveAttachment(db: Db, actor: Actor | null, request: Request, options: { uploadDir: string; maxBytes?: number }): Promise<UploadOutcome> {
  const maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
  if (!actor || actor.role === 'public') return refuse(401, 'unauthenticated');
  try {
    requirePermission(actor, 'deliverable.submit');
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

  const deliverableId = Number(form.get('deliverableId'));
  if (!Number.isSafeInteger(deliverableId) || deliverableId <= 0) return refuse(404, 'not_found');
  let contractId: number;
  try {
    contractId = findDeliverableForUpload(db, actor, deliverableId).contractId;
  } catch (e) {
    return appErrorOutcome(e);
  }

  const file = form.get('file');
  if (!(file instanceof File)) return refuse(400, 'file_missing', contractId);
  const nameProblem = fileNameProblem(file.name);
  if (nameProblem) return refuse(400, nameProblem, contractId);
  if (file.size > maxBytes) return refuse(413, 'too_large', contractId);
  if (file.size === 0) return refuse(400, 'empty', contractId);

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
      if (e instanceof TooLarge) return refuse(413, 'too_large', contractId);
      throw e;
    }
    const detected = await detectMediaType(tmpPath, file.name);
    if ('refused' in detected) return refuse(415, detected.refused, contractId);

    const sha256 = hash.digest('hex');
    const finalPath = path.join(options.uploadDir, sha256);
    const existed = await access(finalPath).then(
      () => true,
      () => false,
    );
    if (!existed) await rename(tmpPath, finalPath);
    try {
      const added = writeTransaction(db, (tx) => addAttachmentInTx(tx, actor, deliverableId, { fileName: file.name, mediaType: detected.mediaType, sizeBytes: size, sha256 }));
      return { ok: true, status: 201, ...added };
    } catch (e) {
      if (!existed && !isHashReferenced(db, sha256)) await rm(finalPath, { force: true });
      return appErrorOutcome(e, contractId);
    }
  } finally {
    await rm(tmpPath, { force: true });
  }
}
