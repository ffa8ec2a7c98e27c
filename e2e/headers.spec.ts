import { expect, test } from '@playwright/test';
import { isPrerendered } from '../lib/security/csp';
import { DEMO_PASSWORD, demo, signIn } from './support/auth';

const common = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

test('every kind of response carries the security headers', async ({ request }) => {
  for (const path of ['/zh-CN', '/en/sign-in', '/zh-CN/checkpoints', '/api/health', '/api/public/audit/checkpoint', '/favicon.ico']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    for (const [name, value] of Object.entries(common)) expect(headers[name], `${path} ${name}`).toBe(value);
    expect(headers['content-security-policy'], path).toContain("object-src 'none'");
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).toContain("base-uri 'none'");
    expect(headers['x-powered-by'], path).toBeUndefined();
  }
});

/** Visits a page and checks it booted under its policy: scripts carry this response's nonce, Next ran. */
async function visitUnderPolicy(page: import('@playwright/test').Page, path: string) {
  const response = await page.goto(path);
  const policy = response!.headers()['content-security-policy']!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  if (isPrerendered(new URL(path, 'http://x').pathname)) expect(policy, path).toContain("script-src 'self' 'unsafe-inline'");
  else {
    expect(nonce, `${path} has a nonce`).toBeTruthy();
    expect(policy, path).toContain("'strict-dynamic'");
    expect(policy, path).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Every script the server sent carries it (scripts Next adds later are trusted through 'strict-dynamic').
    const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, path).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, `${path} script nonce`).toContain(` nonce="${nonce}"`);
  }
  // Next's client runtime ran (it sets window.next once its scripts execute).
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: unknown }).next), { message: `${path} booted` }).toBe('object');
  return nonce;
}

test('pages run only scripts with their own response\'s nonce, and every kind of page boots under the policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  const first = await visitUnderPolicy(page, '/zh-CN/matters');
  const second = await visitUnderPolicy(page, '/zh-CN/matters');
  expect(first).not.toBe(second);
  // Page-cached public pages (no nonce possible) and pages rendered per request, side by side.
  for (const path of ['/zh-CN', '/en/about', '/en/api-docs', '/zh-CN/publication-policy', '/zh-CN/matters/LG-ENV-001', '/en/contractors', '/zh-CN/checkpoints', '/en/sign-in', '/zh-CN/no-such-page']) await visitUnderPolicy(page, path);
  await signIn(page, demo('officer'));
  for (const path of ['/zh-CN/desk', '/zh-CN/desk/matters', '/en/audit']) await visitUnderPolicy(page, path);
  expect(violations).toEqual([]);
});

test('signed-in pages are never stored by caches', async ({ page }) => {
  await signIn(page, demo('officer'));
  const response = await page.goto('/zh-CN/desk');
  expect(response?.headers()['cache-control']).toContain('no-store');
});

test('a server action posted from another site is refused, while the same form from this site signs in', async ({ browser }) => {
  for (const origin of ['https://evil.example', null]) {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    let status = 0;
    await page.route('**/en/sign-in', async (route) => {
      const req = route.request();
      if (req.method() !== 'POST' || origin === null) return route.continue();
      const response = await route.fetch({ headers: { ...req.headers(), origin } });
      status = response.status();
      await route.fulfill({ response });
    });
    await page.goto('/en/sign-in');
    await page.locator('#field-email').fill(demo('auditor'));
    await page.locator('#field-password').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    if (origin) {
      await expect.poll(() => status).toBeGreaterThanOrEqual(400);
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name.endsWith('session-token'))).toBeUndefined();
    } else {
      await expect(page).toHaveURL(/\/en\/audit$/);
    }
    await context.close();
  }
});
