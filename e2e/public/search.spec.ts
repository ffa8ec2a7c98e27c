import { expect, test } from '@playwright/test';

test.describe('matter search and filters', () => {
  test('searches titles and codes in both languages through the GET form', async ({ page }) => {
    await page.goto('/en/matters');
    await page.getByLabel('Search by code, title or description').fill('pollution');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/en\/matters\?q=pollution/);
    await expect(page.getByTestId('matter-item').first()).toContainText('LG-ENV-001');

    await page.goto('/zh-CN/matters?q=污染源');
    await expect(page.getByTestId('matter-item').first()).toContainText('LG-ENV-001');
    await page.goto('/zh-CN/matters?q=lg-env-001');
    await expect(page.getByTestId('matter-item')).toHaveCount(1);
  });

  test('filters combine, give stable URLs and keep their values in the form', async ({ page }) => {
    await page.goto('/en/matters');
    await page.getByLabel('Category').selectOption('environment');
    await page.getByLabel('Status').selectOption('in_service');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/category=environment/);
    await expect(page).toHaveURL(/status=in_service/);
    const url = page.url();
    const items = page.getByTestId('matter-item');
    const n = await items.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      await expect(items.nth(i)).toContainText('LG-ENV-');
      await expect(items.nth(i)).toContainText('In service');
    }
    await page.goto(url);
    await expect(page.getByLabel('Category')).toHaveValue('environment');
    await expect(page.getByLabel('Status')).toHaveValue('in_service');
    await expect(items).toHaveCount(n);
  });

  test('withdrawn, contractor kind and department filters', async ({ page, request }) => {
    // Other specs may withdraw a matter first (the confirmations): count what the API says is withdrawn.
    const withdrawn = (await (await request.get('/api/public/matters?status=withdrawn&limit=100')).json()) as { total: number };
    expect(withdrawn.total).toBeGreaterThan(0);
    await page.goto('/en/matters?status=withdrawn');
    await expect(page.getByTestId('matter-item')).toHaveCount(withdrawn.total);
    await expect(page.getByTestId('matter-item').first()).toContainText('Withdrawn');

    const api = (await (await request.get('/api/public/matters?contractorKind=university&limit=100')).json()) as { total: number };
    await page.goto('/en/matters?contractorKind=university');
    await expect(page.getByTestId('matters-count')).toContainText(`${api.total} matter`);

    await page.goto('/en/matters');
    const department = page.getByLabel('Department');
    const code = await department.locator('option').nth(1).getAttribute('value');
    await department.selectOption(code!);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(new RegExp(`department=${code}`));
    const byDept = (await (await request.get(`/api/public/matters?department=${code}&limit=100`)).json()) as { total: number };
    await expect(page.getByTestId('matters-count')).toContainText(String(byDept.total));
  });

  test('nothing found says so', async ({ page }) => {
    await page.goto('/en/matters?q=zzzz-no-such-thing');
    await expect(page.getByTestId('matters-count')).toHaveText('No matters found.');
  });

  test('server-side pages: next and previous keep the filters, every matter once', async ({ page }) => {
    await page.goto('/en/matters');
    const seen: string[] = [];
    for (let p = 1; ; p++) {
      await expect(page.getByText(new RegExp(`^Page ${p} of`))).toBeVisible();
      seen.push(...(await page.getByTestId('matter-item').locator('span.font-mono').allTextContents()));
      const next = page.getByRole('link', { name: 'Next page' });
      if ((await next.count()) === 0) break;
      await next.click();
      await expect(page).toHaveURL(new RegExp(`page=${p + 1}`));
    }
    expect(new Set(seen).size).toBe(seen.length);
    await expect(page.getByTestId('matters-count')).toContainText(`${seen.length} matters`);
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(page).toHaveURL(/page=/);

    await page.goto('/en/matters?category=safety&page=1');
    await expect(page.getByTestId('matter-item').first()).toContainText('LG-SAF-');
  });

  test('works with JavaScript off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/zh-CN/matters');
    await page.getByLabel('类别').selectOption('safety');
    await page.getByRole('button', { name: '检索' }).click();
    await expect(page).toHaveURL(/\/zh-CN\/matters\?.*category=safety/);
    await expect(page.getByTestId('matter-item').first()).toContainText('LG-SAF-');
    await page.getByTestId('matter-item').first().getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await context.close();
  });
});
