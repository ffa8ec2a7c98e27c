import { expect, test } from '@playwright/test';
import { demo, signIn } from '../support/auth';

test('an officer\'s change shows on the public pages and API at once', async ({ page, request }) => {
  const before = await (await request.get('/api/public/matters/LG-ENV-002')).json();
  // The page is in Next's page cache from here on (rendered once, then served whole): the edit must expire it.
  await page.goto('/en/matters/LG-ENV-002');
  await page.goto('/en/matters/LG-ENV-002');
  await signIn(page, demo('officer'));
  await page.goto('/zh-CN/desk/matters?q=LG-ENV-002');
  await page.getByTestId('matter-row').getByRole('link').click();
  const edit = page.getByTestId('matter-edit');
  const title = `${before.titleEn ?? before.title_en ?? 'Matter'} (updated for the public)`;
  await edit.locator('#field-titleEn').fill(title);
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByRole('status')).toBeVisible();
  const after = await (await request.get('/api/public/matters/LG-ENV-002')).json();
  expect(JSON.stringify(after)).toContain(title);
  await page.goto('/en/matters/LG-ENV-002');
  await expect(page.locator('main')).toContainText(title);
});
