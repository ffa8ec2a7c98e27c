import 'server-only';
import { decodeCursor, encodeCursor } from './cursor';
import { MAX_PAGE_SIZE } from './query-parts';

// Helpers of the open-data route handlers: JSON with open CORS, a short shared cache, and errors as
// { error, fields? } with the right status.

const headers = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=0, must-revalidate',
};

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers });
}

export function badRequest(error: string, fields: string[] = []): Response {
  return json({ error, ...(fields.length ? { fields } : {}) }, 400);
}

export const notFoundJson = () => json({ error: 'not_found' }, 404);

type PageParams<K> = { limit: number; after?: K };

/** `limit` (1–100, default `fallback`) and the opaque `cursor` from a list request, or a 400 response. */
export function readPageParams<T extends 'string' | 'number'>(
  url: URL,
  kind: T,
  fallback = 50,
): PageParams<T extends 'string' ? string : number> | Response {
  const rawLimit = url.searchParams.get('limit');
  // Digits only: Number() would also take ' 5', '1e2' and '0x10'.
  const limit = rawLimit === null ? fallback : /^[0-9]{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) return badRequest(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`, ['limit']);
  const cursor = url.searchParams.get('cursor');
  if (cursor === null || cursor === '') return { limit };
  const after = decodeCursor(cursor, kind);
  if (after === null) return badRequest('cursor is not valid; pass back the nextCursor of the previous page unchanged', ['cursor']);
  return { limit, after };
}

export function pageBody<T, K extends string | number>(page: { items: T[]; total: number; nextAfter: K | null }) {
  return { items: page.items, total: page.total, nextCursor: page.nextAfter === null ? null : encodeCursor(page.nextAfter) };
}
