import { expect, test, type Page } from '@playwright/test';
import { isPrerendered } from '../lib/security/csp';
import { DEMO_PASSWORD, demo } from './support/auth';

// Several pages per test on a machine that may be busy: more time than the default 30 s.
test.describe.configure({ timeout: 120_000 });

/** Signs in as support/auth.ts does, waiting longer for the answer (the first sign-in of a run on a busy machine). */
async function signIn(page: Page, email: string, locale = 'zh-CN') {
  await page.goto(`/${locale}/sign-in`);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

type Me = { signedIn: boolean; name?: string; role?: string; home?: string };

async function me(page: Page): Promise<Me> {
  const res = await page.request.get('/api/me');
  expect(res.headers()['cache-control']).toContain('no-store');
  return (await res.json()) as Me;
}

test('a signed-in officer on a public page sees their name and role and a link back to the desk', async ({ page }) => {
  await signIn(page, demo('officer'));
  const who = await me(page);
  expect(who).toMatchObject({ signedIn: true, role: 'officer', home: '/desk' });
  expect(Object.keys(who).sort()).toEqual(['home', 'name', 'role', 'signedIn']);

  await page.goto('/zh-CN/matters/LG-ENV-001');
  const user = page.getByTestId('header-user');
  await expect(user).toContainText(who.name!);
  await expect(user).toContainText('经办人');
  await expect(page.getByRole('banner').getByRole('link', { name: '登录' })).toHaveCount(0);
  await page.getByTestId('header-home').click();
  await expect(page).toHaveURL(/\/zh-CN\/desk$/);

  await page.goto('/en/about');
  await expect(page.getByTestId('header-user')).toContainText('Officer');
  await expect(page.getByTestId('header-home')).toHaveText('Department desk');
  await expect(page.getByTestId('header-home')).toHaveAttribute('href', '/en/desk');
});

test('signed out, the header keeps its sign-in link and /api/me says only that', async ({ page }) => {
  expect(await me(page)).toEqual({ signedIn: false });
  await page.goto('/en/matters');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('header-user')).toHaveCount(0);
});

test('page-cached public pages hold no session data in their HTML, also when fetched by a signed-in person', async ({ page }) => {
  await signIn(page, demo('officer'));
  const who = await me(page);
  const listed = (await (await page.request.get('/api/public/contracts?limit=1')).json()) as { items: { reference: string }[] };
  const reference = listed.items[0]!.reference;
  for (const path of ['/zh-CN', '/en/about', '/zh-CN/matters/LG-ENV-001', `/en/contracts/${reference}`]) {
    expect(isPrerendered(path), `${path} is served from the page cache`).toBe(true);
    // Twice: the second answer comes from the page cache the first one may have filled.
    for (let i = 0; i < 2; i++) {
      const html = await (await page.request.get(path)).text();
      expect(html, path).not.toContain(who.name!);
      expect(html, path).not.toContain('header-user');
      expect(html, path).toMatch(/登录|Sign in/);
    }
  }
});

test('staff pages have their own titles in their language: record · page · site', async ({ page }) => {
  await signIn(page, demo('officer'));
  const titles: string[] = [];
  for (const path of ['/zh-CN/desk', '/zh-CN/desk/matters', '/zh-CN/desk/contractors', '/zh-CN/desk/contracts/new']) {
    await page.goto(path);
    titles.push(await page.title());
  }
  expect(new Set(titles).size, titles.join(' | ')).toBe(titles.length);
  for (const title of titles) expect(title).toMatch(/ · \S+$/);
  expect(titles[1]).toContain('事项目录');

  await page.goto('/zh-CN/desk');
  const link = page.getByTestId('contract-row').getByRole('link').first();
  const reference = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/\/desk\/contracts\/\d+$/);
  await expect(page).toHaveTitle(new RegExp(`^${reference} · 合同 · `));
  await page.goto(page.url().replace('/zh-CN/', '/en/'));
  await expect(page).toHaveTitle(new RegExp(`^${reference} · Contract · `));
  await page.goto('/en/desk/matters');
  await expect(page).toHaveTitle(/^Matters · /);
});

test('the staff navigation marks the current page, for assistive technology and on screen', async ({ page }) => {
  await signIn(page, demo('officer'));
  await page.goto('/zh-CN/desk/matters');
  const nav = page.getByRole('navigation', { name: '工作导航' });
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  const current = nav.getByRole('link', { name: '事项目录' });
  const other = nav.getByRole('link', { name: '部门工作台' });
  await expect(current).toHaveAttribute('aria-current', 'page');
  await expect(other).not.toHaveAttribute('aria-current', 'page');
  const background = (l: typeof current) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background(current)).not.toBe(await background(other));
  // A record under a section marks that section.
  await nav.getByRole('link', { name: '事项目录' }).click();
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/desk\/matters\/\d+$/);
  await expect(nav.getByRole('link', { name: '事项目录' })).toHaveAttribute('aria-current', 'page');
});

test('the 404 page keeps the staff navigation for signed-in staff and the public one for visitors', async ({ page }) => {
  await page.goto('/zh-CN/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await expect(page.getByRole('navigation', { name: '公开信息' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '工作导航' })).toHaveCount(0);
  await expect(page).toHaveTitle(/^页面不存在 · /);

  await signIn(page, demo('officer'));
  for (const path of ['/zh-CN/no-such-page', '/zh-CN/desk/contracts/999999']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    const nav = page.getByRole('navigation', { name: '工作导航' });
    await expect(nav.getByRole('link', { name: '部门工作台' })).toBeVisible();
    await expect(page.getByTestId('header-user')).toBeVisible();
  }
});

test('English pages name the department in English', async ({ page }) => {
  await signIn(page, demo('officer'), 'en');
  await page.goto('/en/desk');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('Desk of ');
  expect(await heading.textContent()).not.toMatch(/\p{Script=Han}/u);
  expect(await page.getByTestId('signed-in-as').textContent()).toMatch(/Officer · [A-Za-z]/);
  await expect(page).toHaveTitle(/^[^\p{Script=Han}]+ · Department desk · /u);
});
