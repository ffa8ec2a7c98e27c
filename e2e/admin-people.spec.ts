import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, signIn } from './support/auth';

// Issue 15, item 6: the admin's people list, home and forms.

test('the admin finds people by words, role and department, a page at a time, and sees contractors awaiting verification', async ({ page }) => {
  await signIn(page, demo('admin'));
  await expect(page).toHaveURL(/\/zh-CN\/admin\/users$/);
  await expect(page.getByTestId('pending-contractor')).toHaveCount(2);
  await expect(page.getByTestId('awaiting-verification')).toContainText('龙港市乐龄文化艺术服务中心');

  // Unfiltered: more people than a page, with a link to the next one.
  await expect(page.getByTestId('user-row')).toHaveCount(25);
  await page.getByRole('navigation', { name: /分页|Pages/ }).getByRole('link').last().click();
  await expect(page).toHaveURL(/page=2/);

  await page.goto('/zh-CN/admin/users');
  await page.locator('select[name="role"]').selectOption('approver');
  await page.getByRole('button', { name: '显示' }).click();
  const roles = await page.getByTestId('user-row').locator('td:nth-child(3)').allInnerTexts();
  expect(roles.length).toBeGreaterThan(1);
  expect(new Set(roles)).toEqual(new Set(['审批人']));

  await page.getByTestId('user-search').fill('demo.longgang.example');
  await page.locator('select[name="department"]').selectOption({ index: 1 });
  await page.getByRole('button', { name: '显示' }).click();
  await expect(page.getByTestId('user-row')).toHaveCount(1);
  await expect(page.getByTestId('user-total')).toHaveText('共 1 人。');
});

test('the new-user form shows only the chosen role\'s field', async ({ page }) => {
  await signIn(page, demo('admin'));
  await page.goto('/zh-CN/admin/users/new');
  const role = page.locator('#field-role');
  await role.selectOption('officer');
  await expect(page.locator('#field-departmentId')).toBeVisible();
  await expect(page.locator('#field-contractorId')).toHaveCount(0);
  await role.selectOption('contractor');
  await expect(page.locator('#field-contractorId')).toBeVisible();
  await expect(page.locator('#field-departmentId')).toHaveCount(0);
  await role.selectOption('auditor');
  await expect(page.locator('#field-contractorId')).toHaveCount(0);
  await expect(page.locator('#field-departmentId')).toHaveCount(0);
});

/** The admin's session in a page with JavaScript off (signed in with it on). */
async function adminWithoutJavaScript(browser: Browser, page: Page): Promise<Page> {
  await signIn(page, demo('admin'));
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  return context.newPage();
}

test.describe('without JavaScript', () => {
  test('a department given for a role without one is refused with a message saying so', async ({ browser, page: signedIn }) => {
    const page = await adminWithoutJavaScript(browser, signedIn);
    await page.goto('/zh-CN/admin/users/new');
    await page.locator('#field-email').fill('nojs.auditor@test.example');
    await page.locator('#field-name').fill('无脚本审计员');
    await page.locator('#field-role').selectOption('auditor');
    await page.locator('#field-departmentId').selectOption({ index: 1 });
    await page.getByRole('button', { name: '创建用户' }).click();
    await expect(page.getByText('只有经办人和审批人隶属部门')).toBeVisible();
    await page.goto('/zh-CN/admin/users?q=nojs.auditor');
    await expect(page.getByTestId('user-row')).toHaveCount(0);
  });

  test('a new matter needs its department chosen: none is picked silently', async ({ browser, page: signedIn }) => {
    const page = await adminWithoutJavaScript(browser, signedIn);
    await page.goto('/zh-CN/desk/matters/new');
    await expect(page.locator('#field-departmentId')).toHaveValue('');
    await page.locator('#field-code').fill('LG-ENV-990');
    await page.locator('#field-titleZh').fill('测试事项');
    await page.locator('#field-titleEn').fill('Test matter');
    await page.locator('#field-annualBudgetFen').fill('100000');
    await page.getByRole('button', { name: '创建事项（草稿）' }).click();
    await expect(page.getByText('请选择负责该事项的部门。')).toBeVisible();
  });
});
