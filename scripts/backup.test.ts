// Backup under load and restore, through the real scripts.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { buildFixture } from '../lib/testing/fixture';

const run = promisify(execFile);
const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

describe('db:backup and db:restore', () => {
  it('backs up a consistent copy while another process keeps writing, and restores it; refuses a damaged file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backup-'));
    const live = path.join(dir, 'live.db');
    const f = buildFixture(openDatabase(live));
    f.db.$client.close();
    const env = { ...process.env, DATABASE_PATH: live };

    // A writer in another process: departments created in a loop through the write path.
    const writer = spawn(tsx, ['-e', `
      const { openDatabase } = require('./db/client');
      const { createDepartment } = require('./lib/departments/service');
      const { systemActor } = require('./lib/auth/actor');
      const db = openDatabase(${JSON.stringify(live)}, { migrate: false });
      let i = 0; const end = Date.now() + 2500;
      while (Date.now() < end) createDepartment(db, systemActor('load'), { code: 'LG-D-L' + String.fromCharCode(65 + (i % 26)) + String.fromCharCode(65 + Math.floor(i / 26) % 26) + String.fromCharCode(65 + Math.floor(i / 676) % 26), nameZh: '负载' + i, nameEn: 'Load ' + i, kind: 'government' }), i++;
      console.log(i);
    `], { env, cwd: process.cwd() });
    const writes = new Promise<number>((resolve) => writer.stdout.on('data', (d) => resolve(Number(String(d).trim()))));
    await new Promise((r) => setTimeout(r, 800));

    const backup = path.join(dir, 'backup.db');
    const out = await run(tsx, ['scripts/db-backup.ts', backup], { env });
    expect(out.stdout).toMatch(/backup: .*audit events/);
    expect(await writes).toBeGreaterThan(0);

    const restoredPath = path.join(dir, 'restored.db');
    const restored = await run(tsx, ['scripts/db-restore.ts', backup], { env: { ...process.env, DATABASE_PATH: restoredPath } });
    expect(restored.stdout).toMatch(/now holds the backup/);
    const db = openDatabase(restoredPath, { migrate: false });
    expect(db.$client.prepare('pragma integrity_check').pluck().get()).toBe('ok');
    db.$client.close();

    const damaged = path.join(dir, 'damaged.db');
    writeFileSync(damaged, 'SQLite format 3\0 but not really a database at all'.repeat(100));
    await expect(run(tsx, ['scripts/db-restore.ts', damaged], { env: { ...process.env, DATABASE_PATH: restoredPath } })).rejects.toMatchObject({ stderr: expect.stringMatching(/REFUSED/) });
    expect(existsSync(restoredPath)).toBe(true);
  }, 60_000);
});
