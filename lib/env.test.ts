import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const production = { REGISTRY_MODE: 'production', AUTH_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://registry.example.gov.cn/', PUBLISHER_NAME: '龙港市人民政府办公室', PUBLISHER_CREDIT_CODE: '11330383MB00000008' };

describe('open-data configuration', () => {
  it('production needs a public URL that is not a loopback address, and a publisher', () => {
    expect(parseEnv(production).PUBLIC_URL).toBe('https://registry.example.gov.cn');
    for (const url of [undefined, 'http://localhost:3000', 'http://127.0.0.1', 'http://[::1]:3000', 'http://app.localhost']) {
      expect(() => parseEnv({ ...production, PUBLIC_URL: url }), String(url)).toThrow(/PUBLIC_URL/);
    }
    expect(() => parseEnv({ ...production, PUBLIC_URL: 'ftp://registry.example.gov.cn' })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ ...production, PUBLISHER_NAME: undefined })).toThrow(/PUBLISHER_NAME/);
    expect(() => parseEnv({ ...production, PUBLISHER_CREDIT_CODE: '11330383MB00000009' })).toThrow(/PUBLISHER_CREDIT_CODE/);
  });

  it('demo mode defaults to the local address and a fictional publisher; the licence defaults to CC BY 4.0', () => {
    const env = parseEnv({ PORT: '3456' });
    expect(env.PUBLIC_URL).toBe('http://localhost:3456');
    expect(env.PUBLISHER_CREDIT_CODE).toBe('11330383MB00000008');
    expect(env.OCDS_LICENSE).toBe('https://creativecommons.org/licenses/by/4.0/');
  });
});

describe('proxy headers', () => {
  it('refuses AUTH_TRUST_HOST (next-auth trusting X-Forwarded-Host) unless TRUST_PROXY=1', () => {
    expect(() => parseEnv({ AUTH_TRUST_HOST: 'true' })).toThrow(/AUTH_TRUST_HOST/);
    expect(parseEnv({ AUTH_TRUST_HOST: 'true', TRUST_PROXY: '1' }).TRUST_PROXY).toBe('1');
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});

describe('numbers and levels', () => {
  it('defaults: sessions idle after 30 minutes and end after 12 hours, checkpoints hourly, logs at info', () => {
    expect(parseEnv({})).toMatchObject({ SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12, CHECKPOINT_INTERVAL_MINUTES: 60, LOG_LEVEL: 'info' });
    expect(parseEnv({ SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '8', CHECKPOINT_INTERVAL_MINUTES: '0', LOG_LEVEL: 'debug' })).toMatchObject({ SESSION_IDLE_MINUTES: 15, SESSION_MAX_HOURS: 8, CHECKPOINT_INTERVAL_MINUTES: 0, LOG_LEVEL: 'debug' });
  });

  it('refuses to start on a value that is not a whole number, naming the variable (30m would have switched session expiry off)', () => {
    for (const bad of ['30m', 'abc', '0', '-5', '1.5', '', ' ', '1e3', 'NaN', 'Infinity', '99999999']) {
      expect(() => parseEnv({ SESSION_IDLE_MINUTES: bad }), `SESSION_IDLE_MINUTES=${bad}`).toThrow(/SESSION_IDLE_MINUTES/);
      expect(() => parseEnv({ SESSION_MAX_HOURS: bad }), `SESSION_MAX_HOURS=${bad}`).toThrow(/SESSION_MAX_HOURS/);
    }
    for (const bad of ['1h', '-1', '0.5', '', 'off']) expect(() => parseEnv({ CHECKPOINT_INTERVAL_MINUTES: bad }), bad).toThrow(/CHECKPOINT_INTERVAL_MINUTES/);
    for (const bad of ['verbose', 'INFO ', '']) expect(() => parseEnv({ LOG_LEVEL: bad }), bad).toThrow(/LOG_LEVEL/);
    for (const bad of ['abc', '0', '70000', '']) expect(() => parseEnv({ PORT: bad }), bad).toThrow(/PORT/);
  });

  it('no code outside lib/env.ts reads process.env (tests and test support aside)', () => {
    const root = path.join(__dirname, '..');
    const files = [
      ...['lib', 'app'].flatMap((d) => readdirSync(path.join(root, d), { recursive: true, encoding: 'utf8' }).map((f) => path.join(d, f))),
      'proxy.ts',
    ].filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith(path.join('lib', 'testing')) && f !== path.join('lib', 'env.ts'));
    const readers = files.filter((f) => /process\.env\b/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(readers).toEqual([]);
  });
});
