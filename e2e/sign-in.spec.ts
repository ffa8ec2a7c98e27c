import { expect, test } from '@playwright/test';
import { demo, signIn, signOut } from './support/auth';

const homes: [string, RegExp, string][] = [
  ['admin', /\/admin\/users$/, '人员管理'],
  ['officer', /\/desk$/, '工作台'],
  ['approver', /\/approvals$/, '待审批合同'],
  ['auditor', /\/audit$/, '审计日志'],
  ['contractor', /\/portal$/, '的合同'],
  ['evaluator', /\/evaluations$/, '评价任务'],
];

test.describe('each demo account signs in and lands on its home', () => {
  for (const [role, url, heading] of homes) {
    test(role, async ({ page }) => {
      await signIn(page, demo(role));
      await expect(page).toHaveURL(url);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
      await expect(page.getByTestId('signed-in-as')).toBeVisible();
    });
  }
});

test('navigation shows only what the role may use', async ({ page }) => {
  await signIn(page, demo('contractor'));
  const nav = page.getByRole('navigation', { name: '工作导航' });
  await expect(nav.getByRole('link')).toHaveText(['我的合同']);
  await page.goto('/zh-CN/admin/users');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await page.goto('/zh-CN/audit');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
});

test('a wrong password gets a clear message in the reader\'s language and keeps the email', async ({ page }) => {
  await page.goto('/en/sign-in');
  await page.locator('#field-email').fill(demo('auditor'));
  await page.locator('#field-password').fill('not the password');
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId('form-error')).toHaveText('Wrong email or password.');
  await expect(page.locator('#field-email')).toHaveValue(demo('auditor'));
});

test('signed-out visitors are sent to sign in', async ({ page }) => {
  await page.goto('/zh-CN/desk');
  await expect(page).toHaveURL(/\/zh-CN\/sign-in$/);
});

test('a session replayed after sign-out is refused', async ({ page, context }) => {
  await signIn(page, demo('auditor'));
  const cookies = await context.cookies();
  await signOut(page);
  await context.addCookies(cookies);
  await page.goto('/zh-CN/audit');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('session cookies are HttpOnly and SameSite', async ({ page, context }) => {
  await signIn(page, demo('auditor'));
  const session = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

test('signing in works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, demo('officer'));
  await expect(page).toHaveURL(/\/desk$/);
  await context.close();
});
