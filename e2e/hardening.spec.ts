// Server-level hardening that only a running server shows: what Next does with proxy.ts's answers and with
// requests proxy.ts never sees. The decisions themselves are unit-tested in lib/security/proxy.test.ts and
// lib/security/method-guard.test.ts. Raw HTTP (node:http) where a browser or Playwright's client would not
// send the request as written: TRACE, a chosen Host, no Origin at all.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { demo } from './support/auth';

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string };

function raw(baseURL: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Raw> {
  // The path goes out as written (`//x` included), to the base URL's host.
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const baseOf = () => test.info().project.use.baseURL!;

/** The sign-in form's server action, as the page renders it for a browser without JavaScript. */
async function signInAction(baseURL: string): Promise<{ id: string; fields: [string, string][] }> {
  const page = await raw(baseURL, 'GET', '/en/sign-in');
  const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const fields = [...page.body.matchAll(/<input[^>]*name="(\$ACTION[^"]*)"(?:[^>]*value="([^"]*)")?[^>]*>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? '')] as [string, string]);
  const ref = fields.find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  expect(ref, 'the sign-in form carries its action').toBeDefined();
  return { id: (JSON.parse(ref![1]) as { id: string }).id, fields };
}

function multipart(fields: [string, string][]): { body: Buffer; type: string } {
  const boundary = `----hardening${Date.now()}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), type: `multipart/form-data; boundary=${boundary}` };
}

test('TRACE answers 405 with a short message, no stack', async () => {
  for (const path of ['/zh-CN', '/en/matters', '/api/public/stats']) {
    const res = await raw(baseOf(), 'TRACE', path);
    expect(res.status, path).toBe(405);
    expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    expect(res.body, path).not.toMatch(/\bat .*\(|Error|node_modules|\.js:\d+/);
  }
  // Other methods no page has are refused by proxy.ts.
  const put = await raw(baseOf(), 'PUT', '/zh-CN/matters');
  expect(put.status).toBe(405);
  expect(put.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
});

test('the trailing-slash redirect carries the security headers', async ({ request }) => {
  for (const [from, to] of [
    ['/zh-CN/matters/', '/zh-CN/matters'],
    ['/en/about/?x=1', '/en/about?x=1'],
  ] as const) {
    const res = await request.get(from, { maxRedirects: 0 });
    expect(res.status(), from).toBe(308);
    const location = new URL(res.headers()['location']!, baseOf());
    expect(location.pathname + location.search, from).toBe(to);
    expect(res.headers()['x-content-type-options'], from).toBe('nosniff');
    expect(res.headers()['x-frame-options'], from).toBe('DENY');
    expect(res.headers()['content-security-policy'], from).toContain("frame-ancestors 'none'");
    expect(res.headers()['content-security-policy'], from).toContain("object-src 'none'");
  }
  // The API, which the proxy does not see, answers at either address, with its headers.
  const api = await request.get('/api/public/stats/', { maxRedirects: 0 });
  expect(api.status()).toBeLessThan(400);
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
});

test('a server action with a forged or missing Origin answers 403, from this site it runs', async () => {
  const base = baseOf();
  const { id, fields } = await signInAction(base);
  const form = multipart([...fields, ['locale', 'en'], ['email', demo('auditor')], ['password', 'wrong password']]);
  const site = new URL(base).origin;
  for (const origin of ['https://evil.example', 'null', undefined]) {
    // Without JavaScript (a plain form post) and with it (Next-Action header).
    const plain = await raw(base, 'POST', '/en/sign-in', { 'content-type': form.type, ...(origin ? { origin } : {}) }, form.body);
    expect(plain.status, `form post, Origin ${origin}`).toBe(403);
    const fetched = await raw(base, 'POST', '/en/sign-in', { 'content-type': 'text/plain;charset=UTF-8', 'next-action': id, ...(origin ? { origin } : {}) }, '[{"status":"idle"},"$K1"]');
    expect(fetched.status, `action, Origin ${origin}`).toBe(403);
    expect(fetched.body).not.toMatch(/Invalid Server Actions request|Error/);
  }
  const same = await raw(base, 'POST', '/en/sign-in', { 'content-type': form.type, origin: site }, form.body);
  expect(same.status).not.toBe(403);
  expect(same.status).toBeLessThan(500);
});

test('a server action body over 1 MB answers 413', async () => {
  const base = baseOf();
  const { id } = await signInAction(base);
  const body = Buffer.alloc(1024 * 1024 + 100, 'a');
  const res = await raw(base, 'POST', '/en/sign-in', { 'content-type': 'text/plain;charset=UTF-8', 'next-action': id, origin: new URL(base).origin, 'content-length': String(body.length) }, body);
  expect(res.status).toBe(413);
  expect(res.body).toContain('1 MB');
});

test('a chunked server action body (no Content-Length) is refused with 411 before Next reads it', async () => {
  const base = baseOf();
  const { id } = await signInAction(base);
  const body = Buffer.alloc(1024 * 1024 + 100, 'a');
  const res = await raw(base, 'POST', '/en/sign-in', { 'content-type': 'text/plain;charset=UTF-8', 'next-action': id, origin: new URL(base).origin, 'transfer-encoding': 'chunked' }, body);
  expect(res.status).toBe(411);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
});

test('a path with repeated slashes is redirected to its collapsed form with the security headers, never off-site', async () => {
  for (const [from, to] of [
    ['//zh-CN//matters?page=2', '/zh-CN/matters?page=2'],
    ['//evil.example/', '/evil.example/'],
  ] as const) {
    const res = await raw(baseOf(), 'GET', from);
    expect(res.status, from).toBe(308);
    expect(res.headers.location, from).toBe(to);
    expect(res.headers['x-frame-options'], from).toBe('DENY');
    expect(String(res.headers['content-security-policy']), from).toContain("frame-ancestors 'none'");
  }
});

test('the Link header names the configured address, never the Host the client sent', async () => {
  for (const path of ['/zh-CN', '/en/about', '/zh-CN/matters']) {
    const res = await raw(baseOf(), 'GET', path, { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'javascript' });
    expect(res.status, path).toBe(200);
    expect(String(res.headers.link ?? ''), path).not.toMatch(/evil\.example|javascript:/);
  }
});
