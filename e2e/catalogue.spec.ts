import { expect, test } from '@playwright/test';
import { demo, signIn } from './support/auth';

test('an officer finds a matter by a word of its Chinese or English title, edits it and sees the edit in its history', async ({ page }) => {
  await signIn(page, demo('officer'));
  await page.goto('/zh-CN/desk/matters');
  await page.getByTestId('matter-search').fill('污染源');
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByTestId('matter-row')).toHaveCount(1);
  await page.getByTestId('matter-search').fill('pollution sources');
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByTestId('matter-row')).toHaveCount(1);
  await page.getByTestId('matter-row').getByRole('link').click();
  await expect(page.getByTestId('matter-title')).toHaveText('企业环境污染源巡查');

  const edit = page.getByTestId('matter-edit');
  await edit.locator('#field-titleEn').fill('Inspection of enterprise pollution sources (revised)');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByRole('status')).toHaveText('事项已保存。');
  const last = page.getByTestId('history-event').last();
  await expect(last).toContainText('修改事项');
  await expect(last).toContainText('经办人');
  await expect(last).toContainText('Inspection of enterprise pollution sources (revised)');

  // The same history reads in English.
  await page.goto(page.url().replace('/zh-CN/', '/en/'));
  await expect(page.getByTestId('history-event').last()).toContainText('Matter changed');
  await expect(page.getByTestId('history-event').last()).toContainText('Title (English)');
});

test('a field error shows next to its field, in the reader\'s language, and nothing is lost', async ({ page }) => {
  await signIn(page, demo('officer'), undefined, 'en');
  await page.goto('/en/desk/matters?q=LG-ENV-002');
  await page.getByTestId('matter-row').getByRole('link').click();
  const edit = page.getByTestId('matter-edit');
  await edit.locator('#field-titleZh').fill('');
  await edit.locator('#field-annualBudgetFen').fill('12.345');
  await edit.locator('#field-titleEn').fill('Kept while fixing errors');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.locator('#field-titleZh-error')).toHaveText('Required.');
  await expect(edit.locator('#field-annualBudgetFen-error')).toContainText('two decimals');
  await expect(edit.locator('#field-titleEn')).toHaveValue('Kept while fixing errors');
});

test('an officer of another department cannot open the matter', async ({ page }) => {
  await signIn(page, demo('officer'));
  await page.goto('/zh-CN/desk/matters?q=LG-ENV-001');
  await page.getByTestId('matter-row').getByRole('link').click();
  await expect(page).toHaveURL(/\/desk\/matters\/\d+$/);
  const url = page.url();
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, demo('officer2'));
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await expect(page.locator('body')).not.toContainText('企业环境污染源巡查');
});

test('an admin attaches a qualification document to a contractor; staff download it, the public cannot', async ({ page, browser }) => {
  await signIn(page, demo('admin'));
  await page.goto('/zh-CN/desk/contractors');
  await page.getByTestId('contractor-row').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/desk\/contractors\/\d+$/);
  const form = page.getByTestId('document-form');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await form.locator('input[type="file"]').setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: pdf });
  await form.getByRole('button', { name: '上传', exact: true }).click();
  await expect(page).toHaveURL(/upload=ok/);
  const link = page.getByTestId('contractor-documents').getByRole('link', { name: '营业执照.pdf' });
  await expect(link).toBeVisible();
  await expect(page.getByTestId('history-event').last()).toContainText('添加附件');
  const href = (await link.getAttribute('href'))!;
  expect((await page.request.get(href)).status()).toBe(200);

  // A refused file names its reason, in the reader's language.
  await page.goto(page.url().replace('/zh-CN/', '/en/').replace(/\?.*$/, ''));
  await page.getByTestId('document-form').locator('input[type="file"]').setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') });
  await page.getByTestId('document-form').getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByTestId('upload-status')).toContainText(/not accepted|does not match/);

  const visitor = await browser.newContext();
  expect((await visitor.request.get(new URL(href, page.url()).toString())).status()).toBe(404);
  await visitor.close();
});
