import { expect, test } from '@playwright/test';
import { openRegistry } from './registry';

test.describe('public pages', () => {
  test('overview: figures, the on-time definition and three charts with text alternatives and tables', async ({ page, request }) => {
    const stats = (await (await request.get('/api/public/stats')).json()) as { matters: { published: number }; contracts: { published: number } };
    await page.goto('/en');
    await expect(page.getByTestId('figure-matters')).toContainText(String(stats.matters.published));
    await expect(page.getByTestId('kind-university')).toContainText('6');
    await expect(page.getByTestId('figure-paid')).toContainText('¥');
    await expect(page.getByTestId('on-time-definition')).toContainText('30 days after the end of the period');
    for (const id of ['value-by-category', 'contractors-by-kind', 'contracts-by-year']) {
      const chart = page.getByTestId(`chart-${id}`);
      await expect(chart).toHaveAttribute('role', 'img');
      // Its text alternative: the title and the description it is labelled by.
      await expect(chart).toHaveAttribute('aria-labelledby', `${id}-title ${id}-desc`);
      await expect(page.locator(`[id="${id}-title"]`)).not.toBeEmpty();
      await expect(page.locator(`[id="${id}-desc"]`)).not.toBeEmpty();
    }
    await expect(page.getByTestId('table-contractors-by-kind')).toContainText('Universities');
    await expect(page.getByTestId('table-value-by-category').locator('tbody tr')).toHaveCount(8);
  });

  test('who holds the environmental inspection matter, for how much, and how it was evaluated', async ({ page }) => {
    await page.goto('/en/matters?category=environment');
    // Other specs may revise the title (catalogue.spec.ts appends "(revised)"): match its start.
    await page.getByRole('link', { name: /^Inspection of enterprise pollution sources/ }).click();
    await expect(page).toHaveURL(/\/en\/matters\/LG-ENV-001$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Inspection of enterprise pollution sources/);
    const db = openRegistry();
    const holder = db
      .prepare(`select k.name_en from contracts c join matters m on m.id = c.matter_id join contractors k on k.id = c.contractor_id
                where m.code = 'LG-ENV-001' and c.status = 'active' order by c.start_date desc limit 1`)
      .pluck()
      .get() as string;
    db.close();
    await expect(page.getByTestId('current-contractor')).toContainText(holder);
    expect(await page.getByTestId('public-contract-row').count()).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('public-contract-row').first()).toContainText('¥');
    await expect(page.getByTestId('evaluation-row').first()).toBeVisible();
    await expect(page.getByTestId('deliverable-row').first()).toBeVisible();
  });

  test('contract page: parties, value, milestones, payments and links back', async ({ page }) => {
    await page.goto('/zh-CN/matters/LG-ENV-001');
    await page.getByTestId('public-contract-row').getByRole('link', { name: 'LG-2025-0001' }).click();
    await expect(page).toHaveURL(/\/zh-CN\/contracts\/LG-2025-0001$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('LG-2025-0001');
    await expect(page.getByTestId('contract-value')).toContainText('¥');
    await expect(page.getByTestId('milestone-row').first()).toBeVisible();
    await expect(page.getByTestId('payment-row').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: '合同变更' })).toBeVisible();
    await page.getByRole('link', { name: '企业环境污染源巡查', exact: false }).first().click();
    await expect(page).toHaveURL(/\/zh-CN\/matters\/LG-ENV-001$/);
  });

  test('contractor pages: list by kind, then one contractor with its record', async ({ page }) => {
    await page.goto('/en/contractors?kind=university');
    await expect(page.getByTestId('contractor-row')).toHaveCount(6);
    await page.getByTestId('contractor-row').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/en\/contractors\/\d+$/);
    await expect(page.getByRole('heading', { name: 'Registration' })).toBeVisible();
    await expect(page.getByText('Universities')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Record' })).toBeVisible();
  });

  test('API page lists every endpoint in both languages', async ({ page }) => {
    for (const locale of ['en', 'zh-CN']) {
      await page.goto(`/${locale}/api-docs`);
      for (const key of ['matters', 'matter', 'contractors', 'contractor', 'contracts', 'contract', 'stats', 'downloads', 'ocds', 'checkpoint', 'checkpoints', 'events']) {
        await expect(page.getByTestId(`endpoint-${key}`)).toBeVisible();
      }
      await expect(page.getByTestId('download-contracts-csv')).toHaveAttribute('href', '/api/public/downloads/contracts.csv');
    }
  });

  test('an unknown matter, contractor or contract is a 404 page', async ({ page }) => {
    for (const path of ['/en/matters/LG-NOPE-999', '/en/contractors/999999', '/en/contracts/LG-1999-9999', '/en/contractors/abc']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
    }
  });

  test('draft and pending contracts are not published', async ({ request }) => {
    const db = openRegistry();
    const hidden = db.prepare(`select reference from contracts where status in ('draft', 'pending_approval', 'cancelled')`).pluck().all() as string[];
    db.close();
    expect(hidden.length).toBeGreaterThan(0);
    for (const reference of hidden) {
      expect((await request.get(`/api/public/contracts/${reference}`)).status()).toBe(404);
      expect((await request.get(`/en/contracts/${reference}`)).status()).toBe(404);
    }
  });

  test('the language switch keeps the page and the filters', async ({ page }) => {
    await page.goto('/zh-CN/matters/LG-ENV-001');
    await page.getByRole('link', { name: '切换到英文' }).click();
    await expect(page).toHaveURL(/\/en\/matters\/LG-ENV-001$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Inspection of enterprise pollution sources/);
    await page.getByRole('link', { name: 'Switch to Chinese' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^企业环境污染源巡查/);
    // A filtered, paged list keeps its query string and fragment in the other language.
    await page.goto('/zh-CN/matters?status=in_service&page=2#results');
    await expect(page.getByTestId('language-switch')).toHaveAttribute('href', '/en/matters?status=in_service&page=2#results');
    await page.getByTestId('language-switch').click();
    await expect(page).toHaveURL(/\/en\/matters\?status=in_service&page=2#results$/);
  });

  test('header links reach every public page, and sign-in stays', async ({ page }) => {
    await page.goto('/en');
    const nav = page.getByRole('navigation', { name: 'Public pages' });
    await nav.getByRole('link', { name: 'Matters' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transferred matters');
    await expect(nav.getByRole('link', { name: 'Matters' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current', 'page');
    await nav.getByRole('link', { name: 'Contractors' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contractors');
    await nav.getByRole('link', { name: 'Open data' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data and API');
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  test('fits a 360 px phone without sideways scrolling of the page', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const path of ['/zh-CN', '/zh-CN/matters', '/en/matters/LG-ENV-001', '/en/contracts/LG-2025-0001', '/en/contractors', '/en/api-docs']) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(360);
    }
    await context.close();
  });
});
