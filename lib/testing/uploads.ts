// The upload tests' shared parts: a small PDF, a multipart request carrying one file, and a temporary upload
// folder removed after the test file's tests (route tests, the authorization matrix, the upload use cases).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A small but well-formed PDF, built here rather than checked in. */
export const samplePdf = (): Uint8Array => new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A POST to `url` with the form fields and one `file` (a string is sent as UTF-8; `type` unset lets the server detect it). */
export function uploadRequest(url: string, file: { name: string; bytes: Uint8Array | string; type?: string }, fields: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
  form.set('file', new File([bytes as BlobPart], file.name, file.type === undefined ? undefined : { type: file.type }));
  return new Request(url, { method: 'POST', body: form });
}

/** A fresh upload folder under the system's temporary folder, removed once the test file's tests are done. */
export function temporaryUploadDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
