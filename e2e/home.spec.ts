import { expect, test } from '@playwright/test';

test.describe('home page', () => {
  test('shows the sample catalogue figures in Chinese by default', async ({ page, request }) => {
    const stats = (await (await request.get('/api/public/stats')).json()) as { matters: { published: number } };
    expect(stats.matters.published).toBeGreaterThan(0);
    await page.goto('/');
    await expect(page).toHaveURL(/\/zh-CN$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('政府职能转移总览');
    // Published matters: the 83 Longgang transferred (the sample's drafts come on top of them).
    expect(stats.matters.published).toBe(83);
    await expect(page.getByTestId('figure-matters')).toContainText(String(stats.matters.published));
    await expect(page.getByTestId('kind-social_organization')).toContainText('17');
    await expect(page.getByTestId('kind-enterprise_institution')).toContainText('59');
    await expect(page.getByTestId('kind-university')).toContainText('6');
    await expect(page.getByTestId('figure-value')).toContainText('万元');
  });

  test('switches to English and back with the visible language link', async ({ page }) => {
    await page.goto('/zh-CN');
    await page.getByRole('link', { name: '切换到英文' }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview of transferred government functions');
    await expect(page.getByTestId('figure-contractors')).toContainText('Universities');
    await page.getByRole('link', { name: 'Switch to Chinese' }).click();
    await expect(page).toHaveURL(/\/zh-CN$/);
  });

  test('works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en');
    await expect(page.getByTestId('figure-matters')).toContainText('83');
    await context.close();
  });
});
