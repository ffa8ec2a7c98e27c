import { isPlainText } from '../shared/text';

/**
 * Bidirectional controls (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E,
 * U+200F and U+061C): invisible, and they reorder what follows, so "invoice\u202Egnp.txt" reads as
 * "invoicetxt.png".
 */
const bidiControl = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Why a file name is refused, or null when it is a plain name without a path. */
export function fileNameProblem(name: string): 'name_missing' | 'name_path' | 'name_control' | 'name_bidi' | 'name_too_long' | null {
  if (name.trim() === '') return 'name_missing';
  if (name.length > 200) return 'name_too_long';
  // Control characters, and lone surrogates (SQLite would store something else than was checked).
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name) || !isPlainText(name)) return 'name_control';
  if (new RegExp(bidiControl.source).test(name)) return 'name_bidi';
  if (name.includes('/') || name.includes('\\') || name.includes('..') || name === '.') return 'name_path';
  return null;
}

/** A stored name as shown (always inside <bdi>, app/_components/file-name.tsx): without bidirectional controls, which older names may still have. */
export function displayFileName(name: string): string {
  return name.replace(bidiControl, '');
}

/** The lower-case extension without the dot, or '' when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** `Content-Disposition: attachment` with an ASCII fallback and the RFC 5987 UTF-8 name. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
