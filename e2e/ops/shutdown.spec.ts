// Graceful shutdown: on SIGTERM the server stops taking connections, finishes the requests already in
// flight, then exits. A request whose body is still arriving when the signal comes gets its answer.
import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 3100) + 5;
const root = path.resolve(__dirname, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function serverEnv() {
  const dir = mkdtempSync(path.join(tmpdir(), 'registry-shutdown-'));
  return {
    ...process.env,
    REGISTRY_MODE: 'production',
    AUTH_SECRET: randomBytes(32).toString('base64'),
    DATABASE_PATH: path.join(dir, 'registry.db'),
    UPLOAD_DIR: path.join(dir, 'uploads'),
    AUDIT_KEY_PATH: path.join(dir, 'audit-signing-key.pem'),
    NEXTAUTH_URL: `http://localhost:${port}`,
    PUBLIC_URL: 'https://registry.example.gov.cn',
    PUBLISHER_NAME: '龙港市人民政府办公室',
    PUBLISHER_CREDIT_CODE: '11330383MB00000008',
    NEXT_TELEMETRY_DISABLED: '1',
  };
}

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not start');
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

test('SIGTERM lets the request in flight finish, refuses new connections, and exits', async () => {
  test.setTimeout(60_000);
  const env = serverEnv();
  expect(spawnSync(bin('tsx'), [path.join(root, 'scripts', 'prepare.ts')], { cwd: root, env }).status).toBe(0);
  const server = spawn(bin('next'), ['start', '-p', String(port)], { cwd: root, env, stdio: 'ignore' });
  const exit = exited(server);
  try {
    await waitUntilUp();
    // A form post whose body arrives in two halves, the signal in between.
    const body = `email=${'a'.repeat(4000)}%40example.org&password=x`;
    const socket: Socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(`POST /api/auth/callback/credentials HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
    socket.write(body.slice(0, 2000));
    await new Promise((r) => setTimeout(r, 300));

    server.kill('SIGTERM');
    // The listener closes as soon as the process handles the signal: on a busy machine that can take a
    // moment, so ask again for a few seconds (the request in flight keeps the server alive meanwhile).
    let refused = false;
    for (let i = 0; i < 40 && !refused; i++) {
      await new Promise((r) => setTimeout(r, 250));
      refused = await fetch(`http://127.0.0.1:${port}/api/health`).then(() => false, () => true);
    }
    expect(server.exitCode, 'still serving the request in flight').toBeNull();
    expect(refused, 'no new connections after the signal').toBe(true);

    socket.end(body.slice(2000));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 \d{3} /);
    expect(await exit).toBe(143);
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
  }
});
