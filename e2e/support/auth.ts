import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'longgang-demo-2026';
export const demo = (name: string) => `${name}@demo.longgang.example`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, locale = 'zh-CN') {
  await page.goto(`/${locale}/sign-in`);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /退出登录|Sign out/ }).click();
  await expect(page).toHaveURL(/\/(zh-CN|en)$/);
}
