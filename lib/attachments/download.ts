import 'server-only';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Db } from '../../db/client';
import type { Actor } from '../auth/actor';
import { attachmentDisposition } from './file-name';
import { findAttachmentForDownload } from './queries';

const notFoundResponse = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });

/** The response for GET /api/attachments/[id]: the stored file as a download, or 404 for anyone out of scope. */
export async function openAttachment(db: Db, actor: Actor | null, rawId: string, dir: string): Promise<Response> {
  if (!actor || !/^\d{1,12}$/.test(rawId)) return notFoundResponse();
  const found = findAttachmentForDownload(db, actor, Number(rawId));
  if (!found || !/^[0-9a-f]{64}$/.test(found.sha256)) return notFoundResponse();
  const filePath = path.join(dir, found.sha256);
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) return notFoundResponse();
  return new Response(Readable.toWeb(createReadStream(filePath)) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': found.mediaType,
      'Content-Length': String(info.size),
      'Content-Disposition': attachmentDisposition(found.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
