import { isPlainText } from '../shared/text';

/** Why a file name is refused, or null when it is a plain name without a path. */
export function fileNameProblem(name: string): 'name_missing' | 'name_path' | 'name_control' | 'name_too_long' | null {
  if (name.trim() === '') return 'name_missing';
  if (name.length > 200) return 'name_too_long';
  // Control characters, and lone surrogates (SQLite would store something else than was checked).
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name) || !isPlainText(name)) return 'name_control';
  if (name.includes('/') || name.includes('\\') || name.includes('..') || name === '.') return 'name_path';
  return null;
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
