import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './support/auth';

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}) on ${page.url()}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/** Opens each page, and the first record a list links to, and collects what axe-core finds. */
async function audit(page: Page, paths: string[], firstLink?: Record<string, string>) {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    found.push(...(await violations(page)));
    const row = firstLink?.[path];
    if (row) {
      await page.getByTestId(row).first().getByRole('link').first().click();
      await page.waitForLoadState('domcontentloaded');
      found.push(...(await violations(page)));
    }
  }
  return found;
}

test.describe('accessibility of the staff side (WCAG 2.1 AA, axe-core)', () => {
  test('officer: desk, matters, contractors, a contract, new contract and matter', async ({ page }) => {
    await signIn(page, demo('officer'));
    const found = await audit(page, ['/zh-CN/desk', '/zh-CN/desk/matters', '/en/desk/contractors', '/en/desk/contracts/new', '/zh-CN/desk/matters/new'], {
      '/zh-CN/desk/matters': 'matter-row',
      '/en/desk/contractors': 'contractor-row',
      '/zh-CN/desk': 'contract-row',
    });
    expect(found).toEqual([]);
  });

  test('admin: users, departments, import, audit, new contractor', async ({ page }) => {
    await signIn(page, demo('admin'));
    const found = await audit(page, ['/en/admin/users', '/zh-CN/admin/departments', '/en/admin/import', '/en/audit', '/zh-CN/desk/contractors/new'], { '/en/admin/users': 'user-row' });
    expect(found).toEqual([]);
  });

  test('an unknown address answers 404 in the reader\'s language, inside the site', async ({ page }) => {
    for (const [path, text] of [['/zh-CN/desk/nothing-here', '页面不存在'], ['/en/no/such/page', 'Page not found']] as const) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
      expect(await page.getAttribute('html', 'lang')).toBe(path.split('/')[1]);
      expect(await violations(page)).toEqual([]);
    }
  });

  test('evaluator, contractor portal and approver queue', async ({ page }) => {
    await signIn(page, demo('evaluator'), undefined, 'en');
    const evaluations = await audit(page, ['/en/evaluations']);
    await page.getByRole('button', { name: /退出登录|Sign out/ }).click();
    await signIn(page, demo('contractor'));
    const portal = await audit(page, ['/zh-CN/portal']);
    await page.getByRole('button', { name: /退出登录|Sign out/ }).click();
    await signIn(page, demo('approver'), undefined, 'en');
    expect([...evaluations, ...portal, ...(await audit(page, ['/en/approvals']))]).toEqual([]);
  });
});
