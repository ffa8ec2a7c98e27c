import { readFile } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { extensionOf } from './file-name';
import { zipArchiveProblem } from './zip';

/** The media types an attachment may have, by real content, with the file-name extensions that fit each. */
export const allowedMediaTypes = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'text/csv': ['csv'],
  'text/plain': ['txt'],
} as const satisfies Record<string, readonly string[]>;
export type AllowedMediaType = keyof typeof allowedMediaTypes;

/** The allowed types that are ZIP containers (Office Open XML). */
const zipContainers: ReadonlySet<AllowedMediaType> = new Set(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);

const isAllowed = (mime: string): mime is AllowedMediaType => Object.hasOwn(allowedMediaTypes, mime);

/** Markup that a browser could run if it ever rendered the file (SVG, HTML, XML). */
const markup = /^\s*<|<\s*(script|svg|html|iframe|object|embed)\b/i;

/** Valid UTF-8 without NUL bytes and without markup: what is accepted as CSV or plain text. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !markup.test(text.replace(/^\uFEFF/, ''));
}

/**
 * The real media type of a stored file from its content (file-type for binary formats, a strict UTF-8
 * check for text), or a refusal when the content is not allowed or does not match the name's extension,
 * or when a DOCX or XLSX would inflate to more than the limits allow.
 */
export async function detectMediaType(filePath: string, fileName: string): Promise<{ mediaType: AllowedMediaType } | { refused: 'type_not_allowed' | 'type_mismatch' | 'archive_too_large' }> {
  const ext = extensionOf(fileName);
  const detected = await fileTypeFromFile(filePath);
  let mediaType: AllowedMediaType;
  if (detected) {
    if (!isAllowed(detected.mime)) return { refused: 'type_not_allowed' };
    mediaType = detected.mime;
  } else {
    if (!isPlainText(await readFile(filePath))) return { refused: 'type_not_allowed' };
    mediaType = ext === 'csv' ? 'text/csv' : 'text/plain';
  }
  const fits: readonly string[] = allowedMediaTypes[mediaType];
  if (!fits.includes(ext)) return { refused: 'type_mismatch' };
  if (zipContainers.has(mediaType)) {
    // A ZIP container: what it would inflate to, from its central directory (lib/attachments/zip.ts).
    const problem = zipArchiveProblem(await readFile(filePath));
    if (problem === 'malformed') return { refused: 'type_not_allowed' };
    if (problem) return { refused: 'archive_too_large' };
  }
  return { mediaType };
}
