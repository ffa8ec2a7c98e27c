import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from './support/auth';
import { checkPage, identifiersIn } from './support/page-checks';
import { locales, resolve, roleAccount, routes, routesFor, sampleIds, sweepRoles, type SampleIds, type SweepRole } from './support/routes';
import { demo } from './support/auth';
import { chooseSingleSource } from './support/procurement';

/**
 * Every route × role × locale at phone size (360×740), one page load each, two checks on that load:
 * layout — the page never scrolls sideways and no text wraps in a box narrower than three characters
 * (issue #15) — and wording — no snake_case or dotted identifier in visible text (issue #16).
 * The numbers come from the rendered layout, never from screenshots. Routes: e2e/support/routes.ts.
 */

const phone = { width: 360, height: 740 };

let ids: SampleIds | undefined;
const sample = () => (ids ??= sampleIds());

/** A query string each page is loaded with, kept by the language switch: a real filter where the page has one. */
const sweepQuery = (route: string) => (route.includes('?') ? '&page=1' : route === '/matters' ? '?status=in_service&page=2' : '?page=1');
/** The other locale. */
const otherLocale = (locale: string) => (locale === 'zh-CN' ? 'en' : 'zh-CN');
/** The routes whose following of the language switch (hash kept) is checked: once a route, by its first role, in Chinese. */
const followedOnce = new Set<string>();

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

/**
 * Records the sweep visits that the sample data may lack, or that an earlier spec used up (a draft it
 * submitted, a pending contract it approved): created here through the app, as a person would, so that no
 * route is skipped. Only what is missing is made.
 */
async function ensureSampleRecords(browser: Browser): Promise<void> {
  const found = sample();
  if (found.officerDraftContract === null || found.pendingContract === null) {
    const page = await (await contextFor(browser, 'officer')).newPage();
    try {
      // A draft to stay a draft, and one submitted for approval.
      const drafts = [...(found.officerDraftContract === null ? [false] : []), ...(found.pendingContract === null ? [true] : [])];
      for (const submit of drafts) {
        await page.goto(`/zh-CN/desk/contracts/new?matter=${found.officerMatter}`);
        await page.locator('#field-contractorId').selectOption({ index: 1 });
        await page.locator('#field-valueFen').fill('50000');
        await page.locator('#field-startDate').fill('2027-01-01');
        await page.locator('#field-endDate').fill('2027-12-31');
        await page.locator('input[name="milestones.0.title"]').fill('年中报告');
        await page.locator('select[name="milestones.0.type"]').selectOption('reporting');
        await page.locator('input[name="milestones.0.dueDate"]').fill('2027-06-30');
        await page.locator('input[name="noSubcontractDeclared"]').check();
        await chooseSingleSource(page);
        await page.getByRole('button', { name: '保存草稿' }).click();
        await expect(page).toHaveURL(/\/desk\/contracts\/\d+$/);
        if (submit) {
          await page.getByTestId('transition-submit').getByRole('button', { name: '提交审批' }).click();
          await expect(page.getByTestId('step-confirmation')).toBeVisible();
        }
      }
    } finally {
      await page.close();
    }
  }
  if (found.evaluatorContract === null) {
    const page = await (await contextFor(browser, 'admin')).newPage();
    try {
      await page.goto(`/zh-CN/desk/contracts/${found.officerActiveContract}`);
      const assign = page.getByTestId('assign-evaluator-form');
      await assign.locator('select[name="userId"]').selectOption({ label: `演示评估员 Demo Evaluator <${demo('evaluator')}>` });
      await assign.getByRole('button', { name: '指派' }).click();
      await expect(page.getByTestId('assigned-evaluator')).toContainText('演示评估员');
    } finally {
      await page.close();
    }
  }
  ids = sampleIds();
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

  test.beforeAll(async ({ browser }) => {
    // Signing in and drafting through the app: more than a page load's time.
    test.setTimeout(120_000);
    await ensureSampleRecords(browser);
  });

  for (const role of sweepRoles) {
    for (const locale of locales) {
      for (const route of routesFor(role)) {
        test(`${role} ${locale} ${route}`, async ({ browser }) => {
          const target = resolve(route, locale, sample());
          expect(target, `the sample data has a record for ${route}`).not.toBeNull();
          const page = await (await contextFor(browser, role)).newPage();
          try {
            // Loaded with a query string, which the language switch must keep (issue #16, item 3).
            const query = sweepQuery(route);
            const response = await page.goto(`${target!}${query}`);
            expect(response?.status(), `${target} as ${role}`).toBeLessThan(route === '/no/such/page' ? 500 : 400);
            if (route !== '/sign-in') expect(page.url(), `${target} as ${role}: sent to sign-in`).not.toMatch(/\/sign-in/);
            const found = await checkPage(page);
            expect({ path: target, role, locale, ...found }).toEqual({ path: target, role, locale, sidewaysScroll: [], narrowText: [], identifiers: [] });

            // The language switch points to the same path and query string in the other locale.
            const other = resolve(route, otherLocale(locale), sample())!;
            const loaded = new URL(page.url());
            const expected = `/${otherLocale(locale)}${loaded.pathname.slice(`/${locale}`.length)}${loaded.search}`;
            expect(loaded.pathname, `${target} as ${role}: the page stayed where it was loaded`).toBe(target!.split('?')[0]);
            expect(expected.split('?')[0], 'the same path in the other locale').toBe(other.split('?')[0]);
            await expect(page.getByTestId('language-switch')).toHaveAttribute('href', expected);

            // Following it keeps the fragment too: once a route (not every role and locale: the run stays short).
            if (!followedOnce.has(route)) {
              followedOnce.add(route);
              await page.evaluate(() => {
                window.location.hash = 'sweep-fragment';
              });
              await expect(page.getByTestId('language-switch')).toHaveAttribute('href', `${expected}#sweep-fragment`);
              await page.getByTestId('language-switch').click();
              await expect(page).toHaveURL((url) => url.pathname === expected.split('?')[0] && url.search === loaded.search && url.hash === '#sweep-fragment');
            }
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

