import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from './support/auth';
import { checkPage, identifiersIn } from './support/page-checks';
import { locales, resolve, roleAccount, routes, routesFor, sampleIds, sweepRoles, type SampleIds, type SweepRole } from './support/routes';

/**
 * Every route × role × locale at phone size (360×740), one page load each, two checks on that load:
 * layout — the page never scrolls sideways and no text wraps in a box narrower than three characters
 * (issue #15) — and wording — no snake_case or dotted identifier in visible text (issue #16).
 * The numbers come from the rendered layout, never from screenshots. Routes: e2e/support/routes.ts.
 */

const phone = { width: 360, height: 740 };

let ids: SampleIds | undefined;
const sample = () => (ids ??= sampleIds());

/** One signed-in browser context per role, reused by that role's pages (signing in once, not per page). */
const contexts = new Map<SweepRole, BrowserContext>();
async function contextFor(browser: Browser, role: SweepRole): Promise<BrowserContext> {
  const known = contexts.get(role);
  if (known) return known;
  const context = await browser.newContext({ viewport: phone });
  if (role !== 'public') {
    // As e2e/support/auth.ts signs in, with more time for the first page (an admin's lists are long).
    const page = await context.newPage();
    await page.goto('/zh-CN/sign-in');
    await page.locator('#field-email').fill(roleAccount[role]);
    await page.locator('#field-password').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
    await page.close();
  }
  contexts.set(role, context);
  return context;
}

test.afterAll(async () => {
  for (const c of contexts.values()) await c.close();
  contexts.clear();
});

test.describe('the checks themselves', () => {
  test('catch a page wider than the phone and a name broken a character a line', async ({ page }) => {
    await page.setViewportSize(phone);
    await page.setContent(`
      <body style="margin:0;font-size:16px">
        <table><tr><td>龙港市生态环境局</td><td style="white-space:nowrap">¥1,000,000.00 · 2026-01-01 – 2026-12-31 · ¥1,000,000.00</td></tr></table>
        <p>龙港市生态环境局 is fine on one line</p>
      </body>`);
    const found = await checkPage(page);
    expect(found.sidewaysScroll[0]).toMatch(/^page is \d+ px wide in a 360 px viewport$/);
    expect(found.narrowText).toEqual([expect.stringMatching(/^<td> "龙港市生态环境局": \d+ lines in \d+ px/)]);
    await page.setContent('<body style="margin:0"><p>龙港市生态环境局</p><div style="overflow-x:auto"><div style="width:900px">wide, in its own box</div></div></body>');
    expect(await checkPage(page)).toEqual({ sidewaysScroll: [], narrowText: [], identifiers: [] });
  });

  test('catch identifiers in text, attributes and options, but not in code', async ({ page }) => {
    await page.setContent(`<title>staff.nav.desk</title><p>状态：in_service</p><input placeholder="contract.approved"><select><option>not_in_service</option></select><code>description_en</code><p hidden>hidden_key</p>`);
    const { identifiers } = await checkPage(page);
    expect(identifiers.map((i) => i.split('"')[1])).toEqual(['staff.nav.desk', 'in_service', 'not_in_service', 'contract.approved']);
  });


  test('finds keys and statuses, passes record codes, addresses and file names', () => {
    expect(identifiersIn('状态：in_service · compliance 89')).toEqual(['in_service']);
    expect(identifiersIn('Missing: staff.nav.desk and contract.approved')).toEqual(['staff.nav.desk', 'contract.approved']);
    expect(identifiersIn('LG-ENV-001 · LG-2026-0009 · 91330300MA2AAAAAAA · officer@demo.longgang.example')).toEqual([]);
    expect(identifiersIn('report_2026.pdf, https://example.gov.cn/a_b, /api/public/matters?limit=100')).toEqual([]);
  });
});

test.describe('every page at 360 px, every role, both locales: no sideways scroll, no word broken a character a line, no identifiers', () => {
  test('the route inventory names every page of the app', () => {
    const root = path.resolve(__dirname, '../app/[locale]');
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === 'page.tsx') pages.push(path.relative(root, dir));
      }
    };
    walk(root);
    const pattern = (p: string) =>
      '/' +
      p
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .map((s) => (s.startsWith('[') ? ':' : s))
        .join('/');
    const known = new Set(routes.map((r) => (r.path.split('?')[0] ?? '').replace(/:[A-Za-z]+/g, ':')));
    // /start only redirects to the role's home; [...rest] is the 404 page (/no/such/page).
    const missing = pages.map(pattern).filter((p) => p !== '/start' && p !== '/:' && !known.has(p));
    expect(missing).toEqual([]);
  });

  for (const role of sweepRoles) {
    for (const locale of locales) {
      for (const route of routesFor(role)) {
        test(`${role} ${locale} ${route}`, async ({ browser }) => {
          const target = resolve(route, locale, sample());
          test.skip(target === null, `the sample data has no record for ${route}`);
          const page = await (await contextFor(browser, role)).newPage();
          try {
            const response = await page.goto(target!);
            expect(response?.status(), `${target} as ${role}`).toBeLessThan(route === '/no/such/page' ? 500 : 400);
            if (route !== '/sign-in') expect(page.url(), `${target} as ${role}: sent to sign-in`).not.toMatch(/\/sign-in/);
            const found = await checkPage(page);
            expect({ path: target, role, locale, ...found }).toEqual({ path: target, role, locale, sidewaysScroll: [], narrowText: [], identifiers: [] });
          } finally {
            await page.close();
          }
        });
      }
    }
  }
});

/**
 * From the md breakpoint up lists are tables again: at a tablet's width (800 px) their number and date
 * columns, never wrapped, must not squeeze a name column to a character a line either.
 */
test.describe('lists as tables at 800 px: no name squeezed by number and date columns', () => {
  const tablet = { width: 800, height: 1000 };
  const lists: [SweepRole, string][] = [
    ['public', '/matters'],
    ['public', '/contractors'],
    ['public', '/contracts/:activeReference'],
    ['officer', '/desk'],
    ['officer', '/desk/matters'],
    ['admin', '/admin/users'],
    ['contractor', '/portal'],
  ];
  // Chinese only: a name in Chinese is the one that breaks a character a line (English breaks between words).
  for (const [role, route] of lists) {
    for (const locale of ['zh-CN'] as const) {
      test(`${role} ${locale} ${route}`, async ({ browser }) => {
        const page = await (await contextFor(browser, role)).newPage();
        try {
          await page.setViewportSize(tablet);
          await page.goto(resolve(route, locale, sample())!);
          const found = await checkPage(page);
          expect({ role, locale, route, sidewaysScroll: found.sidewaysScroll, narrowText: found.narrowText }).toEqual({ role, locale, route, sidewaysScroll: [], narrowText: [] });
        } finally {
          await page.close();
        }
      });
    }
  }
});

