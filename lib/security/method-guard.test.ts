// TRACE cannot reach proxy.ts: Next builds a Fetch Request for it, and the Fetch API refuses those
// methods, so Next answered them with a 500 and a stack in the log. instrumentation.ts refuses them at the
// HTTP server instead. The server here does with each request what Next does before proxy.ts runs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../instrumentation';
import { PEER_ADDRESS_HEADER } from './methods';

let server: http.Server;
let port = 0;
const reached: string[] = [];
let peerSeen: (string | string[] | undefined)[] = [];

beforeAll(async () => {
  process.env.NEXT_RUNTIME = 'nodejs';
  await register();
  server = http.createServer((req, res) => {
    reached.push(req.method!);
    peerSeen.push(req.headers[PEER_ADDRESS_HEADER], req.rawHeaders.filter((h) => h.toLowerCase() === PEER_ADDRESS_HEADER).length === 1 ? 'raw-once' : 'raw-wrong');
    req.resume();
    try {
      new NextRequest(`http://localhost${req.url}`, { method: req.method });
      res.writeHead(200).end('page');
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Sent = { path?: string; headers?: Record<string, string>; body?: string; chunked?: boolean };
function send(method: string, { path = '/zh-CN', headers = {}, body, chunked = false }: Sent = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: chunked ? { ...headers, 'Transfer-Encoding': 'chunked' } : headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('the method guard (instrumentation.ts)', () => {
  it('answers TRACE with 405 and the security headers, before the request reaches Next', async () => {
    const res = await send('TRACE');
    expect(res.status).toBe(405);
    expect(res.body).toBe('Method not allowed.\n');
    expect(res.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    // TRACK never gets this far: Node's parser answers it with 400.
    expect((await send('TRACK')).status).toBe(400);
    expect(reached).toEqual([]);
  });

  it('lets every other method through', async () => {
    expect((await send('GET')).status).toBe(200);
    expect((await send('PUT')).status).toBe(200);
    expect(reached).toEqual(['GET', 'PUT']);
  });

  it('redirects a page path with repeated slashes to the collapsed path itself, with the security headers, never to another host', async () => {
    reached.length = 0;
    for (const [path, location] of [
      ['//zh-CN//matters?status=in_service&page=2', '/zh-CN/matters?status=in_service&page=2'],
      ['//evil.example/x', '/evil.example/x'],
      ['/en///about', '/en/about'],
    ]) {
      const res = await send('GET', { path });
      expect(res.status, path).toBe(308);
      expect(res.headers.location, path).toBe(location);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    // A query string may hold `//` (a URL as a value): not a repeated slash in the path.
    expect((await send('GET', { path: '/zh-CN/matters?next=https://x.example//y' })).status).toBe(200);
    expect(reached).toEqual(['GET']);
  });

  it('refuses a page post without Content-Length (a chunked body Next would answer with a 500 once over 1 MB) with 411; the API is not concerned', async () => {
    reached.length = 0;
    const big = 'x'.repeat(1024 * 1024 + 10);
    const res = await send('POST', { path: '/zh-CN/desk', chunked: true, body: big, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(411);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect((await send('POST', { path: '/zh-CN/desk', body: 'a=1', headers: { 'Content-Length': '3' } })).status).toBe(200);
    expect((await send('POST', { path: '/api/uploads', chunked: true, body: 'a=1' })).status).toBe(200);
    expect(reached).toEqual(['POST', 'POST']);
  });

  it('stamps the socket peer into the peer-address header, replacing whatever the client sent under that name', async () => {
    peerSeen = [];
    await send('GET', { headers: { [PEER_ADDRESS_HEADER]: '203.0.113.66' } });
    await send('GET');
    expect(peerSeen).toEqual(['127.0.0.1', 'raw-once', '127.0.0.1', 'raw-once']);
  });
});
