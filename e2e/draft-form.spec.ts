import { expect, test } from '@playwright/test';
import { demo, signIn } from './support/auth';

// The new-contract form never loses input: the contractor picker filters without a reload, and without
// JavaScript its search goes through the form and brings every field back; errors say what to do and the
// summary at the top links to each field.

const matterPage = async (page: import('@playwright/test').Page, locale: string) => {
  await page.goto(`/${locale}/desk/matters?q=LG-ENV-006`);
  await page.getByTestId('matter-row').getByRole('link').click();
  await page.getByRole('link', { name: locale === 'en' ? 'Draft a contract for this matter' : '为此事项起草合同' }).click();
  await expect(page.getByTestId('draft-form')).toBeVisible();
};

test('with JavaScript: the picker filters as one types, without a reload; the error summary lists and links each error (en)', async ({ page }) => {
  await signIn(page, demo('officer'), undefined, 'en');
  await matterPage(page, 'en');
  const url = page.url();
  await page.locator('#field-valueFen').fill('88000');
  const all = await page.locator('#field-contractorId option').count();
  const first = (await page.locator('#field-contractorId option').nth(1).textContent())!;
  const word = first.split(' (')[0]!.slice(0, 6);
  await page.locator('#field-q').fill(word);
  await expect.poll(async () => page.locator('#field-contractorId option').count()).toBeLessThan(all);
  expect(page.url()).toBe(url);
  await expect(page.locator('#field-valueFen')).toHaveValue('88000');

  // Saved with the contractor, the dates and a milestone date missing: each error is listed and linked.
  await page.locator('#field-milestones-0-title').fill('Interim report');
  await page.getByRole('button', { name: 'Save draft' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('Choose a contractor');
  await expect(summary).toContainText('Enter the start date');
  await expect(summary).toContainText('Enter the due date of milestone 1');
  await expect(summary).toContainText('Choose how the contractor was chosen');
  await expect(summary.getByRole('link', { name: /Method/ })).toHaveAttribute('href', '#field-procurement-method');
  await expect(summary.getByRole('link', { name: /Contractor/ })).toHaveAttribute('href', '#field-contractorId');
  await expect(summary.getByRole('link', { name: /Milestone 1 due date/ })).toHaveAttribute('href', '#field-milestones-0-dueDate');
  // The milestone row's fields have visible labels.
  await expect(page.getByLabel('Due date').first()).toHaveAttribute('id', 'field-milestones-0-dueDate');
  await expect(page.locator('#field-valueFen')).toHaveValue('88000');
  await expect(page.locator('#field-milestones-0-title')).toHaveValue('Interim report');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the contractor search keeps every other field typed (zh-CN)', async ({ page }) => {
    await signIn(page, demo('officer'));
    await matterPage(page, 'zh-CN');
    const all = await page.locator('#field-contractorId option').count();
    const first = (await page.locator('#field-contractorId option').nth(1).textContent())!;
    await page.locator('#field-valueFen').fill('66000');
    await page.locator('#field-startDate').fill('2027-01-01');
    await page.locator('#field-terms').fill('每月巡查两次');
    await page.locator('input[name="noSubcontractDeclared"]').check();
    await page.locator('#field-q').fill(first.split(' (')[0]!.slice(0, 4));
    await page.getByRole('button', { name: '查找' }).click();
    await expect(page.locator('#field-valueFen')).toHaveValue('66000');
    await expect(page.locator('#field-startDate')).toHaveValue('2027-01-01');
    await expect(page.locator('#field-terms')).toHaveValue('每月巡查两次');
    await expect(page.locator('input[name="noSubcontractDeclared"]')).toBeChecked();
    expect(await page.locator('#field-contractorId option').count()).toBeLessThan(all);
    await expect(page.getByTestId('error-summary')).toHaveCount(0);
  });
});
