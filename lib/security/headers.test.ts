// The global security headers from next.config.js: which apply to which path, matched the way Next's router
// matches them (getPathMatch, as next/dist/server/lib/router-utils/filesystem.js builds header routes).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { modifyRouteRegex } from 'next/dist/lib/redirect-status';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { describe, expect, it } from 'vitest';
import { openAttachment } from '../attachments/download';
import { receiveAttachment } from '../attachments/upload';
import { buildFixture } from '../testing/fixture';
import { uploadRequest } from '../testing/uploads';

type HeaderRoute = { source: string; headers: { key: string; value: string }[]; has?: unknown; missing?: unknown };
const nextConfig = createRequire(import.meta.url)('../../next.config.js') as { headers: () => Promise<HeaderRoute[]> };

/** Every header the config sets on a response for `pathname`, by name (lower case), in order. */
async function configHeadersFor(pathname: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const route of await nextConfig.headers()) {
    expect(route.has, 'this test does not evaluate has/missing').toBeUndefined();
    expect(route.missing, 'this test does not evaluate has/missing').toBeUndefined();
    const match = getPathMatch(route.source, { strict: true, removeUnnamedParams: true, sensitive: false, regexModifier: (r) => modifyRouteRegex(r) });
    if (match(pathname) === false) continue;
    for (const h of route.headers) found.set(h.key.toLowerCase(), [...(found.get(h.key.toLowerCase()) ?? []), h.value]);
  }
  return found;
}

describe('global security headers (next.config.js)', () => {
  it('put no global Content-Security-Policy on attachment downloads and contractor documents, and keep the other headers there', async () => {
    for (const p of ['/api/attachments/12', '/api/attachments', '/api/contractors/3/documents', '/API/Attachments/12']) {
      const headers = await configHeadersFor(p);
      expect(headers.get('content-security-policy'), p).toBeUndefined();
      expect(headers.get('x-content-type-options'), p).toEqual(['nosniff']);
      expect(headers.get('x-frame-options'), p).toEqual(['DENY']);
    }
  });

  it('still put the default policy on everything else', async () => {
    for (const p of ['/', '/en/matters', '/api/public/matters', '/api/contractors/3', '/api/contractors/3/documents-other', '/api/attachmentsx/1', '/favicon.ico']) {
      const headers = await configHeadersFor(p);
      expect(headers.get('content-security-policy'), p).toHaveLength(1);
      expect(headers.get('content-security-policy')![0], p).toMatch(/^default-src 'self'/);
    }
  });

  it('the download handler sets its own policy: nothing runs, sandboxed', async () => {
    const f = buildFixture();
    const dir = mkdtempSync(path.join(tmpdir(), 'csp-uploads-'));
    try {
      const request = uploadRequest('http://localhost/api/attachments', { name: 'note.txt', bytes: 'plain words\n', type: 'text/plain' }, { deliverableId: String(f.deliverableA.id) });
      const uploaded = await receiveAttachment(f.db, f.actors.contractorX, request, { uploadDir: dir });
      if (!uploaded.ok) throw new Error(uploaded.error);
      const res = await openAttachment(f.db, f.actors.contractorX, String(uploaded.attachmentId), dir);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      await res.body?.cancel();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
