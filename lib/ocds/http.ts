import 'server-only';
import { getDb } from '../../db/client';
import { getEnv } from '../env';
import { badRequest } from '../public/api';
import { streamChunks } from '../public/download';
import { packageMetadata } from './packages';

// What the OCDS route handlers share: `since` read strictly, metadata from the configured public address,
// and the streamed JSON response.

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `since` as a UTC instant (stored form), undefined when absent, or a 400 response. */
export function readSince(url: URL): string | undefined | Response {
  const since = url.searchParams.get('since');
  if (since === null) return undefined;
  const ms = RFC3339.test(since) ? Date.parse(since) : NaN;
  if (Number.isNaN(ms)) return badRequest('since must be a date and time with its offset, e.g. 2026-11-01T00:00:00+08:00', ['since']);
  return new Date(ms).toISOString();
}

/** The package's metadata; the uri names the package and its `since`, nothing else of the request. */
export function metadataFor(path: string, since?: string) {
  return packageMetadata(getEnv(), since ? `${path}?since=${encodeURIComponent(since)}` : path, new Date().toISOString());
}

export function ocdsStream(chunks: Iterator<string>): Response {
  return new Response(streamChunks(chunks), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' },
  });
}

export const sqlite = () => getDb().$client;
