import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'synth-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-synth.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });

describe('npm run db:synth', () => {
  it('writes a new file, prints totals and rates, and leaves no partial file behind', () => {
    const out = path.join(dir, 'tiny.db');
    const result = run('--scale', 'tiny', '--seed', '3', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/audit_events\s+[\d,]+/);
    expect(result.stdout).toMatch(/rows\/s, [\d,]+ events\/s/);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(`${out}.partial`)).toBe(false);
  }, 60_000);

  it('refuses to overwrite an existing file without --force, and bad usage', () => {
    const out = path.join(dir, 'exists.db');
    writeFileSync(out, 'keep me');
    const refused = run('--scale', 'tiny', '--out', out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('exists; pass --force');
    expect(run('--scale', 'planet', '--out', path.join(dir, 'x.db')).status).toBe(2);
    expect(run('--scale', 'tiny').status).toBe(2);
  }, 60_000);
});
