import { expect, test, type Page } from '@playwright/test';

/** Goes through the local OpenID Connect provider's login and consent screens. */
async function ssoAs(page: Page, login: string) {
  await page.goto('/zh-CN/sign-in');
  await page.getByRole('button', { name: /Longgang SSO/ }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /Continue/i });
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

test('single sign-on matches an existing user by verified email', async ({ page }) => {
  await ssoAs(page, 'auditor@demo.longgang.example');
  await expect(page).toHaveURL(/\/zh-CN\/audit$/);
  await expect(page.getByTestId('signed-in-as')).toContainText('演示审计员');
});

test('an unknown identity gets a clear refusal, not an account', async ({ page }) => {
  await ssoAs(page, 'stranger@example.org');
  await expect(page).toHaveURL(/\/sign-in\?error=unknown_identity/);
  await expect(page.getByTestId('sso-error')).toContainText('系统不会自动创建账号');
});

test('an unverified email is refused', async ({ page }) => {
  await ssoAs(page, 'unverified.auditor@demo.longgang.example');
  await expect(page.getByTestId('sso-error')).toContainText('未确认');
});
