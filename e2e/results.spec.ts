import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn, signOut } from './support/auth';
import { chooseSingleSource } from './support/procurement';

// Issue 17, item 8: an officer adds an indicator to a matter and drafts a contract with a target for it; the
// contractor reports a value by picking the indicator by its Chinese name; the officer accepts it; the
// public contract page shows the result against the target, with its on track / behind status.

/** A matter of the demo officer's department and the demo contractor's company. */
function setup(): { matterCode: string; contractorId: number } {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'registry.db'), { readonly: true, fileMustExist: true });
  try {
    const matterCode = db
      .prepare(`select m.code from matters m join users o on o.department_id = m.department_id and o.email = ? order by m.id limit 1`)
      .pluck()
      .get(demo('officer')) as string;
    const contractorId = db.prepare('select contractor_id from users where email = ?').pluck().get(demo('contractor')) as number;
    return { matterCode, contractorId };
  } finally {
    db.close();
  }
}

const deliverable = (page: Page, title: string, status?: string) => page.locator(`[data-testid="deliverable"][data-title="${title}"]${status ? `[data-status="${status}"]` : ''}`);

test('an officer sets a target, a contractor reports against it in Chinese, the public page shows progress (zh-CN)', async ({ page }) => {
  test.setTimeout(150_000);
  const { matterCode, contractorId } = setup();
  const stamp = Date.now();
  const name = `巡查企业数${stamp % 100000}`;

  // The officer adds the indicator on the matter page.
  await signIn(page, demo('officer'), undefined, 'zh-CN');
  await page.goto(`/zh-CN/desk/matters?q=${matterCode}`);
  await page.getByTestId('matter-row').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/desk\/matters\/\d+$/);
  const matterUrl = page.url();
  await page.locator('summary', { hasText: '添加指标' }).click();
  const add = page.getByTestId('add-indicator-form');
  await add.locator('#new-code').fill(`inspected_${stamp}`);
  await add.locator('#new-unit').selectOption('enterprises');
  await add.locator('input[name="nameZh"]').fill(name);
  await add.locator('input[name="nameEn"]').fill('Enterprises inspected');
  await add.getByRole('button', { name: '添加指标' }).click();
  await expect(page.getByText(name).first()).toBeVisible();

  // …and drafts a contract with a target of 40 for it, then submits it.
  await page.goto(matterUrl);
  await page.getByRole('link', { name: '为此事项起草合同' }).click();
  await page.locator('#field-contractorId').selectOption(String(contractorId));
  await page.locator('#field-valueFen').fill('80000');
  await page.locator('#field-startDate').fill('2026-01-01');
  await page.locator('#field-endDate').fill('2026-12-31');
  await page.locator('input[name="milestones.0.title"]').fill('季度报告');
  await page.locator('select[name="milestones.0.type"]').selectOption('reporting');
  await page.locator('input[name="milestones.0.dueDate"]').fill('2026-03-31');
  await page.locator('input[name="noSubcontractDeclared"]').check();
  await chooseSingleSource(page);
  await page.getByTestId('target-fields').getByLabel(`目标值：${name}（家）`).fill('40');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/desk\/contracts\/\d+$/);
  const contractUrl = new URL(page.url()).pathname;
  const reference = (await page.locator('p.font-mono').first().textContent())!.trim();
  await page.getByTestId('transition-submit').getByRole('button', { name: '提交审批' }).click();
  await expect(page.getByTestId('step-confirmation')).toBeVisible();
  await signOut(page);

  // The approver approves it.
  await signIn(page, demo('approver'), undefined, 'zh-CN');
  await page.goto(contractUrl);
  await page.getByTestId('transition-approve').getByRole('button', { name: '批准合同' }).click();
  await expect(page.getByTestId('step-confirmation')).toBeVisible();
  await signOut(page);

  // The contractor reports 12 enterprises for the first quarter, picking the indicator by its Chinese name.
  await signIn(page, demo('contractor'), undefined, 'zh-CN');
  await page.goto(contractUrl);
  const title = `一季度巡查 ${stamp}`;
  const form = page.getByTestId('deliverable-form');
  await form.locator('#new-title').fill(title);
  await form.locator('#new-periodStart').fill('2026-01-01');
  await form.locator('#new-periodEnd').fill('2026-03-31');
  await form.getByTestId('result-fields').getByLabel(`${name}（家）`).fill('12');
  await form.getByRole('button', { name: '提交成果' }).click();
  await expect(page.getByTestId('report-saved').getByRole('status')).toBeVisible();
  await signOut(page);

  // The officer accepts it.
  await signIn(page, demo('officer'), undefined, 'zh-CN');
  await page.goto(contractUrl);
  await deliverable(page, title, 'submitted').getByRole('button', { name: '验收通过' }).click();
  await expect(deliverable(page, title, 'accepted')).toBeVisible();
  // The staff page: 12 of 40 by late November is behind.
  const staffRow = page.getByTestId('progress-row').filter({ hasText: name });
  await expect(staffRow).toContainText('进度滞后');
  await signOut(page);

  // The public contract page shows the result against the target, the unit by its name, and the status.
  await page.goto(`/zh-CN/contracts/${reference}`);
  const row = page.getByTestId('contract-progress').getByTestId('progress-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText('家');
  await expect(row).toContainText('40');
  await expect(row).toContainText('12');
  await expect(row).toContainText('30%');
  await expect(row).toContainText('进度滞后');
});
