// Opaque list cursors for the open-data API: base64url of a small JSON object. Clients pass them back
// unchanged; the shape may change without notice.

export function encodeCursor(position: string | number): string {
  return Buffer.from(JSON.stringify({ a: position }), 'utf8').toString('base64url');
}

/** The position inside a cursor, or null when it is not one of ours. */
export function decodeCursor<T extends 'string' | 'number'>(cursor: string, kind: T): (T extends 'string' ? string : number) | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || !('a' in parsed)) return null;
    const a = (parsed as { a: unknown }).a;
    if (kind === 'number' ? Number.isSafeInteger(a) : typeof a === 'string') return a as T extends 'string' ? string : number;
    return null;
  } catch {
    return null;
  }
}
