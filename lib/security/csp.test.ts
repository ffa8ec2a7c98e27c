import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFilesNamed } from '../testing/app-modules';
import { contentSecurityPolicy, isPrerendered, newNonce, originOf, PAGE_CACHED_ROUTES } from './csp';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('content security policy', () => {
  it('allows only scripts with the nonce on pages rendered per request', () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy({ nonce });
    expect(directive(policy, 'script-src')).toBe(`script-src 'nonce-${nonce}' 'strict-dynamic'`);
    for (const locked of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"]) expect(policy).toContain(locked);
  });

  it('needs eval only in development', () => {
    expect(contentSecurityPolicy({ nonce: 'n' })).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy({ nonce: 'n', dev: true })).toContain("'unsafe-eval'");
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const seen = new Set(Array.from({ length: 1000 }, newNonce));
    expect(seen.size).toBe(1000);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('lets forms reach the sign-on provider and nothing else', () => {
    expect(directive(contentSecurityPolicy({ nonce: 'n', formTargets: originOf('https://sso.example.gov.cn/realms/x') }), 'form-action')).toBe("form-action 'self' https://sso.example.gov.cn");
    expect(originOf(undefined)).toEqual([]);
    expect(originOf('not a url')).toEqual([]);
  });

  it('knows which pages come from the page cache', () => {
    for (const cached of ['/en', '/zh-CN', '/zh-CN/about', '/en/api-docs', '/zh-CN/matters/LG-ENV-001', '/en/contracts/LG-2026-0001', '/zh-CN/contractors/12']) expect(isPrerendered(cached), cached).toBe(true);
    for (const live of ['/zh-CN/matters', '/en/contractors', '/en/api-docs-evil', '/zh-CN/desk', '/zh-CN/desk/matters/3', '/en/sign-in', '/zh-CN/checkpoints', '/zh-CN/matters/LG-ENV-001/x']) expect(isPrerendered(live), live).toBe(false);
  });

  it('lists exactly the public pages that are not rendered per request', () => {
    const publicDir = path.resolve(__dirname, '../../app/[locale]/(public)');
    const cached = findFilesNamed(publicDir, 'page.tsx')
      .filter((file) => !/export const dynamic = 'force-dynamic'/.test(readFileSync(file, 'utf8')))
      .map((file) => `/${path.relative(publicDir, path.dirname(file)).split(path.sep).join('/')}`.replace(/\/$/, '') || '/');
    expect(cached.sort()).toEqual([...PAGE_CACHED_ROUTES].sort());
  });
});

