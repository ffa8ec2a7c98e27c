import { expect, test, type Browser } from '@playwright/test';
import { DEMO_PASSWORD, demo, signIn } from './support/auth';

async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

test('a session is refused after an admin disables the user, and after the user changes their password', async ({ browser }) => {
  const victim = await signedInPage(browser, 'officer.emg@demo.longgang.example');
  const stolen = await victim.context.cookies();

  // The user changes their password: the session from before (a copy of the cookie) is refused.
  await victim.page.goto('/zh-CN/change-password');
  await victim.page.locator('#field-currentPassword').fill(DEMO_PASSWORD);
  await victim.page.locator('#field-newPassword').fill('a new passphrase for safety');
  await victim.page.getByRole('button', { name: '修改密码' }).click();
  await expect(victim.page).toHaveURL(/\/desk$/);
  const replay = await browser.newContext();
  await replay.addCookies(stolen);
  const replayPage = await replay.newPage();
  await replayPage.goto('/zh-CN/desk');
  await expect(replayPage).toHaveURL(/\/sign-in$/);

  // An admin disables the user: the session that survived the password change ends too.
  const admin = await signedInPage(browser, demo('admin'));
  // The list is paged: find the person by their address.
  await admin.page.goto('/zh-CN/admin/users?q=officer.emg');
  await admin.page.getByRole('row', { name: /officer\.emg@/ }).getByRole('link').click();
  await admin.page.getByRole('button', { name: '停用账号' }).click();
  await admin.page.getByRole('alertdialog').getByTestId('confirm-step').click();
  await expect(admin.page.getByRole('status')).toContainText('已停用');
  await victim.page.goto('/zh-CN/desk');
  await expect(victim.page).toHaveURL(/\/sign-in$/);

  // And the disabled user cannot sign in again.
  await victim.page.locator('#field-email').fill('officer.emg@demo.longgang.example');
  await victim.page.locator('#field-password').fill('a new passphrase for safety');
  await victim.page.locator('form button[type="submit"]').click();
  await expect(victim.page.getByTestId('form-error')).toContainText('已停用');
  for (const c of [victim.context, replay, admin.context]) await c.close();
});

test('too many wrong passwords lock the account with a clear message, while others still sign in', async ({ page, browser }) => {
  for (let i = 0; i < 5; i++) {
    await page.goto('/en/sign-in');
    await page.locator('#field-email').fill('officer.agr@demo.longgang.example');
    await page.locator('#field-password').fill(`wrong guess ${i}`);
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByTestId('form-error')).toBeVisible();
  }
  await page.locator('#field-password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByTestId('form-error')).toContainText('Too many failed sign-ins');
  const other = await signedInPage(browser, 'officer.mkt@demo.longgang.example');
  await expect(other.page).toHaveURL(/\/desk$/);
  await other.context.close();
});
