import { expect, test } from '@playwright/test';
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
