import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, demo } from './support/auth';

// Issue 16, item 4: an auditor answers "who changed contract LG-2026-0009, when, and what" from the audit
// log without knowing any internal code — by picking the contract by its reference, in Chinese and in English.

/** Identifiers that must not reach the reader: snake_case, dotted action names. */
const identifier = /\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+\.[a-z_]+\b/;

/** Signs in, allowing a cold server (the first request of a run) more than the usual few seconds. */
async function signIn(page: Page, email: string) {
  await page.goto('/zh-CN/sign-in');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

async function pickContract(page: Page, locale: 'zh-CN' | 'en') {
  await page.goto(`/${locale}/audit`);
  await page.getByTestId('ledger-find').fill('LG-2026-0009');
  await page.getByRole('search').getByRole('button').click();
  await expect(page.getByTestId('ledger-record')).toContainText('LG-2026-0009');
}

test('an auditor reads who changed contract LG-2026-0009, when and what, in Chinese and in English', async ({ page, browser }) => {
  // Three pickings and a second browser context: more than the default budget on a busy machine.
  test.setTimeout(120_000);
  await signIn(page, demo('auditor'));

  await pickContract(page, 'zh-CN');
  await expect(page).toHaveURL(/find=LG-2026-0009/);
  const approved = page.getByTestId('ledger-entry').filter({ has: page.getByTestId('ledger-action').getByText('批准合同', { exact: true }) });
  await expect(approved).toHaveCount(1);
  // Who: a person and their role; when: Beijing time; what: the status, translated.
  await expect(approved.getByTestId('ledger-actor')).toContainText('审批人（审批人，');
  await expect(approved.getByTestId('ledger-time')).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  await expect(approved.getByTestId('ledger-subject')).toContainText('合同 LG-2026-0009 ');
  await expect(approved.getByTestId('ledger-details')).toContainText('状态待审批 → 履行中');
  // The contract's filter takes in its parts: the payment, named by its amount, inside the contract.
  const payment = page.getByTestId('ledger-entry').filter({ hasText: '登记付款' }).first();
  await expect(payment.getByTestId('ledger-subject')).toHaveText(/^付款 ¥[\d,]+\.\d{2}，付款日期 \d{4}-\d{2}-\d{2}$/);
  await expect(payment.getByTestId('ledger-within')).toContainText('合同 LG-2026-0009');
  await expect(page.getByTestId('ledger-entry').filter({ hasText: '验收成果' }).first().getByTestId('ledger-within')).toContainText('合同 LG-2026-0009');
  await expect(page.getByTestId('ledger-entry').filter({ hasText: '设定履约节点' }).first().getByTestId('ledger-within')).toContainText('合同 LG-2026-0009');
  // The record links to the contract's page.
  await expect(approved.getByTestId('ledger-subject').getByRole('link')).toHaveAttribute('href', /\/zh-CN\/desk\/contracts\/\d+$/);
  expect(await page.getByTestId('ledger').innerText()).not.toMatch(identifier);

  await pickContract(page, 'en');
  const approvedEn = page.getByTestId('ledger-entry').filter({ has: page.getByTestId('ledger-action').getByText('Contract approved', { exact: true }) });
  await expect(approvedEn).toHaveCount(1);
  await expect(approvedEn.getByTestId('ledger-actor')).toContainText('(Approver, ');
  await expect(approvedEn.getByTestId('ledger-time')).toHaveText(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/);
  await expect(approvedEn.getByTestId('ledger-details')).toContainText('StatusPending approval → Active');
  await expect(page.getByTestId('ledger-entry').filter({ hasText: 'Payment recorded' }).first().getByTestId('ledger-subject')).toHaveText(/^Payment CN¥[\d,]+\.\d{2}, paid on \d{4}-\d{2}-\d{2}$/);
  expect(await page.getByTestId('ledger').innerText()).not.toMatch(identifier);

  // The action picker offers labels, grouped by kind of record; picking one narrows the ledger.
  const payments = await page.getByTestId('ledger-entry').filter({ hasText: 'Payment recorded' }).count();
  await page.getByTestId('ledger-action-filter').selectOption({ label: 'Payment recorded' });
  await page.getByRole('search').getByRole('button').click();
  await expect(page).toHaveURL(/action=payment\.recorded/);
  await expect(page.getByTestId('ledger-entry')).toHaveCount(payments);
  await expect(page.getByTestId('ledger-action').filter({ hasNotText: 'Payment recorded' })).toHaveCount(0);

  // The picker works without JavaScript (a plain GET form; the browser's suggestions are a datalist).
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await pickContract(plain, 'en');
  await expect(plain.getByTestId('ledger-entry').filter({ hasText: 'Contract approved' })).toHaveCount(1);
  await noScript.close();
});

test('the auditor’s menu has the contracts of every department and the contractor register', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo('auditor'));
  const nav = page.getByRole('navigation', { name: '工作导航' });
  await expect(nav.getByRole('link', { name: '承接主体' })).toBeVisible();
  await nav.getByRole('link', { name: '合同一览' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('各部门合同一览');
  const rows = page.getByTestId('contract-row');
  await expect(rows).toHaveCount(25);
  expect(await violations(page)).toEqual([]);
  await page.getByLabel('合同编号、事项或承接主体').fill('LG-2026-0009');
  await page.getByRole('search').getByRole('button').click();
  await expect(rows).toHaveCount(1);
  await rows.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByTestId('ledger-record')).toContainText('LG-2026-0009');
  expect(await violations(page)).toEqual([]);
});

/** WCAG 2.1 AA violations on the page, as e2e/staff-a11y.spec.ts checks them. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}
