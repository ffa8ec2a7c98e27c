import { expect, test, type Page } from '@playwright/test';

const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 800 };

/** The rendered size of every piece of text in the charts, in CSS px (SVG text scaled by its drawing). */
async function chartTextSizes(page: Page): Promise<{ text: string; px: number }[]> {
  return page.evaluate(() => {
    const out: { text: string; px: number }[] = [];
    for (const chart of document.querySelectorAll('[data-testid^="chart-"]')) {
      const scope = chart.parentElement ?? chart; // the legend sits beside the chart
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const text = n.textContent?.trim();
        if (!el || !text || !el.checkVisibility()) continue;
        let px = parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGGraphicsElement) px *= el.getScreenCTM()?.a ?? 1;
        out.push({ text, px });
      }
    }
    return out;
  });
}

test.describe('the public overview on a phone and on a desktop', () => {
  for (const viewport of [phone, desktop]) {
    test(`chart text is at least 12 px at ${viewport.width} px, in both languages`, async ({ browser }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const locale of ['zh-CN', 'en']) {
        await page.goto(`/${locale}`);
        const sizes = await chartTextSizes(page);
        expect(sizes.length).toBeGreaterThan(20);
        expect(sizes.filter((s) => s.px < 12)).toEqual([]);
        // …and never bigger than the page's headings (20 px at text-lg).
        expect(sizes.filter((s) => s.px > 18)).toEqual([]);
      }
      await context.close();
    });
  }

  test('one money format per locale on the cards and the charts: 万元 in Chinese, millions of yuan in English', async ({ page }) => {
    await page.goto('/zh-CN');
    for (const id of ['figure-value', 'figure-paid']) await expect(page.getByTestId(id).locator('p').first()).toHaveText(/^[\d,.]+万元$/);
    const zhChart = (await page.getByTestId('chart-value-by-category').locator('span.tabular-nums').allTextContents()).filter((t) => t.trim());
    expect(zhChart.length).toBeGreaterThan(3);
    for (const t of zhChart) expect(t).toMatch(/^[\d,.]+(万元|元)$/);
    await page.goto('/en');
    for (const id of ['figure-value', 'figure-paid']) await expect(page.getByTestId(id).locator('p').first()).toHaveText(/^CN¥[\d,.]+( million)?$/);
    for (const t of await page.getByTestId('chart-value-by-category').locator('span.tabular-nums').allTextContents()) expect(t).toMatch(/^CN¥[\d,.]+( million)?$/);
  });

  test('a search box on the overview finds matters', async ({ page }) => {
    await page.goto('/zh-CN');
    await page.getByRole('searchbox', { name: '搜索转移事项' }).fill('LG-ENV-001');
    await page.getByTestId('overview-search').getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\/zh-CN\/matters\?q=LG-ENV-001$/);
    await expect(page.getByTestId('matter-item').first()).toContainText('LG-ENV-001');
  });
});

test.describe('list filters on a phone', () => {
  test('fold behind a button, results come first; the button opens them without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/matters');
    const category = page.getByLabel('Category');
    await expect(category).toBeHidden();
    const firstResult = page.getByTestId('matter-item').first();
    await expect(firstResult).toBeVisible();
    expect((await firstResult.boundingBox())!.y).toBeLessThan(phone.height);
    await page.getByTestId('filter-disclosure').locator('summary').click();
    await expect(category).toBeVisible();
    await category.selectOption({ label: 'Safety' });
    await page.locator('form[role="search"] button[type="submit"]').click();
    await expect(page).toHaveURL(/category=safety/);
    // A filter in use keeps the filters open, with the count on the button.
    await expect(page.getByLabel('Category')).toBeVisible();
    await expect(page.getByTestId('filter-disclosure').locator('summary')).toHaveText('More filters (1 chosen)');
    await context.close();
  });

  test('are shown as they are on a desktop, without the button', async ({ browser }) => {
    const context = await browser.newContext({ viewport: desktop });
    const page = await context.newPage();
    for (const path of ['/zh-CN/matters', '/en/contractors']) {
      await page.goto(path);
      await expect(page.getByTestId('filter-disclosure').locator('summary')).toBeHidden();
      await expect(page.getByTestId('filter-disclosure').locator('select').first()).toBeVisible();
    }
    await context.close();
  });
});

test('the API page links its downloads at the top', async ({ browser }) => {
  for (const viewport of [phone, desktop]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto('/en/api-docs');
    const first = page.locator('[data-testid^="download-"]').first();
    expect((await first.boundingBox())!.y).toBeLessThan(viewport.height * 1.5);
    await context.close();
  }
});
