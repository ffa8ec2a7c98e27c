// proxy.ts's decisions, called as Next calls it: the exported function with a NextRequest. What Next does
// with its answers (the headers of next.config.js on them, the server-level behaviours) is in
// e2e/hardening.spec.ts.
import { createRequire } from 'node:module';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import proxy, { ACTION_BODY_LIMIT, config } from '../../proxy';

/** How Next turns the proxy's matcher into the regular expressions it tests paths with (not in Next's types). */
const { getMiddlewareMatchers } = createRequire(import.meta.url)('next/dist/build/analysis/get-page-static-info') as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => { regexp: string }[];
};

vi.hoisted(() => {
  // Read once, on the proxy's first request: the public address differs from the host the tests send.
  process.env.PUBLIC_URL = 'https://registry.example.gov.cn';
});

const host = 'localhost:3000';
const site = `http://${host}`;

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const method = init.method ?? 'GET';
  // The Fetch API refuses some methods outright (TRACE: lib/security/method-guard.ts); the others are set as sent.
  const req = new NextRequest(`${site}${path}`, { method: method === 'GET' || method === 'HEAD' ? method : 'POST', headers: { host, ...init.headers }, body: init.body });
  if (req.method !== method) Object.defineProperty(req, 'method', { value: method });
  return req;
}

/** A server action as the browser posts it with JavaScript: Next-Action header, same-site Origin. */
const action = (headers: Record<string, string> = {}, body = '[]') =>
  request('/en/sign-in', { method: 'POST', body, headers: { 'next-action': '60971953752b37473154f1fb1f52fc35e426f97011', origin: site, 'content-type': 'text/plain;charset=UTF-8', ...headers } });

/** Whether the proxy let the request through to Next (a rewrite or next(), not an answer of its own). */
const passedOn = (res: Response) => res.headers.has('x-middleware-next') || res.headers.has('x-middleware-rewrite');

describe('proxy: methods', () => {
  it('answers 405, with Allow and a short message, for a method no page has', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'PROPFIND', 'FOO']) {
      const res = proxy(request('/zh-CN/matters', { method }));
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
      expect(await res.text()).toBe('Method not allowed.\n');
    }
  });

  it('lets GET, HEAD and OPTIONS through', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(passedOn(proxy(request('/zh-CN/matters', { method }))), method).toBe(true);
  });
});

describe('proxy: server actions', () => {
  it('lets a server action from this site through', () => {
    expect(passedOn(proxy(action()))).toBe(true);
    // A form posted without JavaScript (no Next-Action header) likewise.
    expect(passedOn(proxy(request('/en/sign-in', { method: 'POST', body: 'a=1', headers: { origin: site, 'content-type': 'application/x-www-form-urlencoded' } })))).toBe(true);
  });

  it('refuses with 403 a server action from another site, an opaque origin or none at all', async () => {
    for (const origin of ['https://evil.example', `https://${host}.evil.example`, 'http://localhost:3001', 'null', 'not a url']) {
      const res = proxy(action({ origin }));
      expect(res.status, origin).toBe(403);
      expect(await res.text()).toBe('Refused: this form was not sent from this site.\n');
    }
    const bare = request('/en/sign-in', { method: 'POST', body: '[]', headers: { 'next-action': 'x', 'content-type': 'text/plain' } });
    expect(bare.headers.has('origin')).toBe(false);
    expect(proxy(bare).status).toBe(403);
    // A form posted without JavaScript from another site.
    expect(proxy(request('/en/sign-in', { method: 'POST', body: 'a=1', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(403);
  });

  it('does not take the client\'s X-Forwarded-Host for this host (no trusted proxy)', () => {
    expect(proxy(action({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' })).status).toBe(403);
  });

  it('refuses with 413 a server action whose body is over 1 MB, before Next reads it', async () => {
    const res = proxy(action({ 'content-length': String(ACTION_BODY_LIMIT + 1) }));
    expect(res.status).toBe(413);
    expect(await res.text()).toBe('Refused: the form is larger than 1 MB.\n');
    expect(passedOn(proxy(action({ 'content-length': String(ACTION_BODY_LIMIT) })))).toBe(true);
  });
});

describe('proxy: trailing slash', () => {
  it('redirects a page\'s /path/ to /path (308), keeping the query', () => {
    for (const [from, to] of [
      ['/zh-CN/', '/zh-CN'],
      ['/en/matters/?q=%E6%B1%A1&page=2', '/en/matters?q=%E6%B1%A1&page=2'],
      ['/zh-CN/matters//', '/zh-CN/matters'],
      ['/nothing/', '/nothing'],
    ] as const) {
      const res = proxy(request(from));
      expect(res.status, from).toBe(308);
      const location = new URL(res.headers.get('location')!);
      expect(location.pathname + location.search, from).toBe(to);
    }
  });

  it('runs for pages with or without a trailing slash, and still not for the API, Next\'s files or file names', () => {
    const matchers = getMiddlewareMatchers(config.matcher, {}).map((m) => new RegExp(m.regexp));
    const runs = (p: string) => matchers.some((re) => re.test(p));
    for (const p of ['/zh-CN', '/zh-CN/', '/en/matters/LG-ENV-001', '/en/matters/LG-ENV-001/']) expect(runs(p), p).toBe(true);
    for (const p of ['/api/public/matters', '/api/public/matters/', '/api/auth/session', '/_next/static/chunks/a.js', '/favicon.ico']) expect(runs(p), p).toBe(false);
  });
});

describe('proxy: Link header', () => {
  it('builds the hreflang alternates from PUBLIC_URL, whatever Host and X-Forwarded-* the client sends', () => {
    for (const path of ['/zh-CN/about', '/zh-CN/matters']) {
      const res = proxy(request(path, { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'javascript' } }));
      const link = res.headers.get('link')!;
      expect(link, path).not.toMatch(/evil|javascript|localhost/);
      const tail = path.slice('/zh-CN'.length);
      expect(link, path).toBe(
        [
          `<https://registry.example.gov.cn/zh-CN${tail}>; rel="alternate"; hreflang="zh-CN"`,
          `<https://registry.example.gov.cn/en${tail}>; rel="alternate"; hreflang="en"`,
          `<https://registry.example.gov.cn${tail}>; rel="alternate"; hreflang="x-default"`,
        ].join(', '),
      );
    }
  });
});
