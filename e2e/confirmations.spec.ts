import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, signIn } from './support/auth';

// Irreversible or public steps go through a confirmation stating their consequences in numbers. Without
// JavaScript, posting the step's form without the confirmation is refused (nothing changes) and answered
// with the confirmation; a confirmation tampered with, or for figures since changed, is refused too. With
// JavaScript the same figures show in a dialog before anything is sent.

const dbFile = () => path.join(process.env.E2E_DATA_DIR!, 'registry.db');
function read<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}
const one = (sql: string, ...params: unknown[]) => Object.values(read<Record<string, unknown>>(sql, ...params))[0];

const yuan = (fen: number, locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(fen / 100);

/** Active contracts of the demo officer's department with milestones still planned and money unpaid, newest first (the other specs take the oldest). */
function runningContracts(): { id: number; planned: number; unpaid: number; start: string }[] {
  const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `select c.id, c.start_date start,
                (select count(*) from milestones m where m.contract_id = c.id and m.status = 'scheduled') planned,
                c.value_fen - coalesce((select sum(amount_fen) from payments p where p.contract_id = c.id), 0) unpaid
           from contracts c join users o on o.department_id = c.department_id and o.email = ?
          where c.status = 'active' and c.start_date <= date('now') and c.value_fen > 100 and exists (select 1 from milestones m where m.contract_id = c.id and m.status = 'scheduled')
          order by c.id desc limit 3`,
      )
      .all(demo('officer')) as { id: number; planned: number; unpaid: number; start: string }[];
  } finally {
    db.close();
  }
}

async function withoutJavaScript(browser: Browser, email: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, email, undefined, locale);
  return page;
}

test('contract: completing posted without the confirmation is refused; the confirmation names the figures; confirmed, it completes (no JavaScript)', async ({ browser }) => {
  const [c] = runningContracts();
  const page = await withoutJavaScript(browser, demo('officer'), 'zh-CN');
  await page.goto(`/zh-CN/desk/contracts/${c!.id}`);
  const form = page.getByTestId('transition-complete');
  await form.getByRole('button', { name: '确认完成' }).click();
  // Refused: still active, and the answer states what completing would do.
  const panel = page.getByTestId('transition-complete').getByTestId('confirmation-panel');
  await expect(panel).toBeVisible();
  expect(one('select status from contracts where id = ?', c!.id)).toBe('active');
  await expect(panel).toContainText(`还有 ${c!.planned} 个履约节点尚待完成`);
  await expect(panel).toContainText(`尚未支付 ${yuan(c!.unpaid, 'zh-CN')}`);
  await expect(panel).toContainText('公开的合同页面将显示');

  // A hand-made confirmation (not the token of these figures) is refused as well.
  await panel.getByTestId('confirm-step').evaluate((b) => b.setAttribute('value', 'forged'));
  await panel.getByTestId('confirm-step').click();
  await expect(page.getByTestId('transition-complete').getByTestId('confirmation-panel')).toContainText('记录已有变动');
  expect(one('select status from contracts where id = ?', c!.id)).toBe('active');

  // The real confirmation completes it.
  await page.getByTestId('transition-complete').getByTestId('confirm-step').click();
  await expect(page.getByTestId('transition-complete')).toHaveCount(0);
  expect(one('select status from contracts where id = ?', c!.id)).toBe('completed');
  await page.context().close();
});

test('contract: a confirmation for figures that changed since is refused (no JavaScript)', async ({ browser }) => {
  const [, c] = runningContracts();
  const page = await withoutJavaScript(browser, demo('officer'), 'en');
  await page.goto(`/en/desk/contracts/${c!.id}`);
  // Terminating is rarely done: its form opens from a button.
  await page.getByTestId('open-terminate').locator('summary').click();
  const form = page.getByTestId('transition-terminate');
  await form.locator('textarea[name="reason"]').fill('Service stopped by the contractor');
  await form.getByRole('button', { name: 'Terminate contract' }).click();
  await expect(page.getByTestId('transition-terminate').getByTestId('confirmation-panel')).toContainText(`${yuan(c!.unpaid, 'en')} unpaid`);
  // The reason typed is kept in the confirmation.
  await expect(page.getByTestId('transition-terminate').locator('textarea[name="reason"]')).toHaveValue('Service stopped by the contractor');

  // Meanwhile a payment is recorded (another tab): the figures shown are no longer true.
  const other = await page.context().newPage();
  await other.goto(`/en/desk/contracts/${c!.id}`);
  await other.getByTestId('payment-form').locator('#field-amountFen').fill('1');
  await other.getByTestId('payment-form').locator('#field-paidOn').fill(c!.start);
  await other.getByTestId('payment-form').getByRole('button', { name: 'Record payment' }).click();
  await expect(other.getByTestId('payment-form').getByRole('status')).toBeVisible();

  await page.getByTestId('transition-terminate').getByTestId('confirm-step').click();
  const panel = page.getByTestId('transition-terminate').getByTestId('confirmation-panel');
  await expect(panel).toContainText('the record changed');
  await expect(panel).toContainText(`${yuan(c!.unpaid - 100, 'en')} unpaid`);
  expect(one('select status from contracts where id = ?', c!.id)).toBe('active');
  await panel.getByTestId('confirm-step').click();
  await expect(page.getByTestId('transition-terminate')).toHaveCount(0);
  expect(one('select status from contracts where id = ?', c!.id)).toBe('terminated');
  expect(one('select status_reason from contracts where id = ?', c!.id)).toBe('Service stopped by the contractor');
  await page.context().close();
});

test('contract: with JavaScript the dialog shows the figures first; going back changes nothing; confirming suspends', async ({ page }) => {
  const [, , c] = runningContracts();
  await signIn(page, demo('officer'), undefined, 'en');
  await page.goto(`/en/desk/contracts/${c!.id}`);
  await page.getByTestId('open-suspend').locator('summary').click();
  const form = page.getByTestId('transition-suspend');
  await form.locator('textarea[name="reason"]').fill('Inspection pending');
  await form.getByRole('button', { name: 'Suspend' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`${c!.planned} milestone`);
  await expect(dialog).toContainText(`${yuan(c!.unpaid, 'en')} unpaid`);
  await expect(dialog).toContainText('will be public');
  await dialog.getByRole('button', { name: 'Go back' }).click();
  await expect(dialog).toHaveCount(0);
  expect(one('select status from contracts where id = ?', c!.id)).toBe('active');

  await form.getByRole('button', { name: 'Suspend' }).click();
  await page.getByRole('alertdialog').getByTestId('confirm-step').click();
  await expect(page.getByTestId('transition-resume')).toBeVisible();
  expect(one('select status from contracts where id = ?', c!.id)).toBe('suspended');
});

test('matter withdrawal: refused without the confirmation, which counts its running contracts; confirmed, withdrawn', async ({ browser }) => {
  const m = read<{ id: number; running: number }>(
    `select m.id, (select count(*) from contracts c where c.matter_id = m.id and c.status in ('active', 'suspended')) running
       from matters m join users o on o.department_id = m.department_id and o.email = ?
      where m.catalogue_status = 'listed' order by m.id desc limit 1`,
    demo('officer'),
  );
  const page = await withoutJavaScript(browser, demo('officer'), 'zh-CN');
  await page.goto(`/zh-CN/desk/matters/${m.id}`);
  // Withdrawal is not the first thing on the page: it opens from a button below the matter's contracts.
  const opener = page.getByTestId('open-withdrawn');
  expect((await opener.boundingBox())!.y).toBeGreaterThan((await page.getByRole('heading', { level: 2 }).first().boundingBox())!.y);
  await opener.locator('summary').click();
  const form = page.getByTestId('matter-status-withdrawn');
  await form.locator('#field-reason').fill('职能调整');
  await form.getByRole('button', { name: '从目录撤回' }).click();
  const panel = page.getByTestId('matter-status-withdrawn').getByTestId('confirmation-panel');
  await expect(panel).toContainText(m.running ? `该事项有 ${m.running} 份合同仍在履行` : '该事项没有履行中的合同');
  expect(one('select catalogue_status from matters where id = ?', m.id)).toBe('listed');
  await panel.getByTestId('confirm-step').click();
  await expect(page.getByTestId('matter-status-withdrawn')).toHaveCount(0);
  expect(one('select catalogue_status from matters where id = ?', m.id)).toBe('withdrawn');
  await page.context().close();
});

test('contractor debarment: refused without the confirmation; the dialog counts running contracts and unpaid money; confirmed, debarred', async ({ page }) => {
  const k = read<{ id: number; running: number }>(
    `select k.id, (select count(*) from contracts c where c.contractor_id = k.id and c.status in ('active', 'suspended')) running
       from contractors k where k.verification_status = 'verified' and not exists (select 1 from users u where u.contractor_id = k.id)
      order by k.id desc limit 1`,
  );
  await signIn(page, demo('admin'), undefined, 'en');
  await page.goto(`/en/desk/contractors/${k.id}`);
  const form = page.getByTestId('verify-debarred');
  // Without the confirmation: the form posted as it is (the dialog's checks skipped) is refused.
  await form.locator('#field-reason-debarred').fill('False records');
  await form.evaluate((f: HTMLFormElement) => f.requestSubmit());
  await expect(page.getByTestId('verify-debarred').getByTestId('confirmation-panel')).toBeVisible();
  expect(one('select verification_status from contractors where id = ?', k.id)).toBe('verified');
  await page.reload();
  await page.getByTestId('verify-debarred').locator('#field-reason-debarred').fill('False records');
  await page.getByTestId('verify-debarred').getByRole('button', { name: 'Debar' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(k.running ? `${k.running} running contract` : 'No running contract');
  await expect(dialog).toContainText('debarred');
  await dialog.getByTestId('confirm-step').click();
  await expect(page.getByTestId('verify-debarred')).toHaveCount(0);
  expect(one('select verification_status from contractors where id = ?', k.id)).toBe('debarred');
});

test('disabling a user: refused without the confirmation; confirmed, the account is disabled', async ({ browser }) => {
  const u = read<{ id: number }>(`select id from users where role = 'contractor' and disabled = 0 and email like 'reporter.%' order by id desc limit 1`);
  const page = await withoutJavaScript(browser, demo('admin'), 'zh-CN');
  await page.goto(`/zh-CN/admin/users/${u.id}`);
  await page.getByRole('button', { name: '停用账号' }).click();
  const panel = page.getByTestId('confirmation-panel');
  await expect(panel).toContainText('将无法登录');
  expect(one('select disabled from users where id = ?', u.id)).toBe(0);
  await panel.getByTestId('confirm-step').click();
  await expect(page.getByRole('status')).toContainText('已停用');
  expect(one('select disabled from users where id = ?', u.id)).toBe(1);
  await page.context().close();
});
