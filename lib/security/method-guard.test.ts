// TRACE cannot reach proxy.ts: Next builds a Fetch Request for it, and the Fetch API refuses those
// methods, so Next answered them with a 500 and a stack in the log. instrumentation.ts refuses them at the
// HTTP server instead. The server here does with each request what Next does before proxy.ts runs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../instrumentation';

let server: http.Server;
let port = 0;
const reached: string[] = [];

beforeAll(async () => {
  process.env.NEXT_RUNTIME = 'nodejs';
  await register();
  server = http.createServer((req, res) => {
    reached.push(req.method!);
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

function send(method: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: '/zh-CN' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
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
});
