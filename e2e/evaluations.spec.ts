import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demo, signIn, signOut } from './support/auth';

function pick() {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'registry.db'), { readonly: true, fileMustExist: true });
  try {
    // An active contract the demo evaluator is not assigned to yet, and a pending one in the officer's department.
    const active = db
      .prepare(
        `select c.id from contracts c where c.status = 'active'
           and c.id not in (select contract_id from evaluator_assignments ea join users u on u.id = ea.user_id where u.email = ?)
         order by c.id desc limit 1`,
      )
      .pluck()
      .get(demo('evaluator')) as number;
    const pending = db
      .prepare(`select c.id from contracts c join users o on o.department_id = c.department_id and o.email = ? where c.status in ('draft', 'pending_approval') order by c.id limit 1`)
      .pluck()
      .get(demo('officer')) as number | undefined;
    return { active, pending };
  } finally {
    db.close();
  }
}

test('an admin assigns the evaluator, who then sees only that contract and records a third-party evaluation', async ({ page }) => {
  const { active } = pick();
  await signIn(page, demo('evaluator'));
  await page.goto(`/zh-CN/desk/contracts/${active}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await page.context().clearCookies();

  await signIn(page, demo('admin'));
  await page.goto(`/zh-CN/desk/contracts/${active}`);
  const assign = page.getByTestId('assign-evaluator-form');
  await assign.locator('select[name="userId"]').selectOption({ label: `演示评估员 Demo Evaluator <${demo('evaluator')}>` });
  await assign.getByRole('button', { name: '指派' }).click();
  await expect(page.getByTestId('assigned-evaluator')).toContainText('演示评估员');
  await signOut(page);

  await signIn(page, demo('evaluator'));
  await expect(page.getByRole('link', { name: /LG-/ }).first()).toBeVisible();
  await page.goto(`/zh-CN/desk/contracts/${active}`);
  const form = page.getByTestId('evaluation-form');
  await expect(form.locator('select[name="evaluatorKind"] option')).toHaveCount(1);
  await form.locator('#evaluation-periodStart').fill('2026-01-01');
  await form.locator('#evaluation-periodEnd').fill('2026-06-30');
  await form.getByTestId('scores-name-0').fill('timeliness');
  await form.getByTestId('scores-value-0').fill('95');
  await form.getByTestId('scores-name-1').fill('quality');
  await form.getByTestId('scores-value-1').fill('90');
  await form.getByRole('button', { name: '记录评价' }).click();
  await expect(page.getByTestId('evaluation').filter({ hasText: '优秀' }).filter({ hasText: '93' })).toBeVisible();
  await signOut(page);

  // The admin withdraws the assignment: the evaluation stays, the evaluator no longer sees the contract.
  await signIn(page, demo('admin'), undefined, 'en');
  await page.goto(`/en/desk/contracts/${active}`);
  const assigned = page.getByTestId('assigned-evaluator').filter({ hasText: 'Demo Evaluator' });
  await assigned.getByRole('button', { name: 'Withdraw 演示评估员 Demo Evaluator' }).click();
  await expect(page.getByTestId('assigned-evaluator')).toHaveCount(0);
  await expect(page.getByTestId('history-event').last()).toContainText('Evaluator assignment withdrawn');
  await signOut(page);
  await signIn(page, demo('evaluator'));
  await page.goto(`/zh-CN/desk/contracts/${active}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
});

test('the contractor record shows beside a contract waiting for approval and on the contractor page', async ({ page }) => {
  const { pending } = pick();
  test.skip(pending === undefined, 'no draft or pending contract in the demo department');
  await signIn(page, demo('officer'), undefined, 'en');
  await page.goto(`/en/desk/contracts/${pending}`);
  await expect(page.getByTestId('contractor-record')).toBeVisible();
  await page.locator('a[href*="/desk/contractors/"]').first().click();
  await expect(page).toHaveURL(/\/en\/desk\/contractors\/\d+$/);
  await expect(page.getByTestId('contractor-record')).toContainText('Contracts held');
});
