import { expect, test } from '@playwright/test';
import { demo, signIn } from './support/auth';

// A visitor reports an error in a contract from its public page, without an account; an admin finds it in
// the inbox and closes it with a note; both steps are in the audit trail.

for (const locale of ['zh-CN', 'en'] as const) {
  test(`a visitor reports an error in a contract and an admin closes it (${locale})`, async ({ page, browser }) => {
    const message = `${locale === 'en' ? 'The start date should be 2026-02-01' : '开始日期应为 2026-02-01'} · ${Date.now()}`;
    await page.goto(`/${locale}/contracts/LG-2025-0001`);
    await page.getByRole('link', { name: locale === 'en' ? 'Report an error in this record' : '报告此记录中的错误' }).click();
    await expect(page).toHaveURL(/\/report\?type=contract&key=LG-2025-0001$/);
    await expect(page.locator('#field-recordKey')).toHaveValue('LG-2025-0001');
    await page.locator('#field-message').fill(message);
    await page.getByRole('button', { name: locale === 'en' ? 'Send the report' : '提交报告' }).click();
    await expect(page.getByTestId('report-received')).toBeVisible();

    const admin = await browser.newPage();
    await signIn(admin, demo('admin'), undefined, locale);
    await admin.goto(`/${locale}/admin/reports`);
    const report = admin.getByTestId('error-report').filter({ hasText: message });
    await expect(report).toHaveCount(1);
    await report.getByLabel(locale === 'en' ? 'What was done' : '处理情况').fill(locale === 'en' ? 'Checked against the signed contract: the date is right.' : '已与签署的合同核对，日期无误。');
    await report.getByRole('button', { name: locale === 'en' ? 'Close the report' : '关闭报告' }).click();
    // Closed, it leaves the open list and appears among the closed ones with its note.
    await expect(report).toHaveCount(0);
    await admin.goto(`/${locale}/admin/reports?status=closed`);
    const closed = admin.getByTestId('error-report').filter({ hasText: message });
    await expect(closed).toHaveCount(1);
    await expect(closed).toContainText(locale === 'en' ? 'the date is right' : '日期无误');
    await admin.close();
  });
}

test('a report without JavaScript still arrives, and a too-short one says what to do', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/report?type=matter&key=LG-ENV-001');
  await page.locator('#field-message').fill('short');
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expect(page.locator('#field-message-error')).toContainText('at least 10 characters');
  await expect(page.locator('#field-recordKey')).toHaveValue('LG-ENV-001');
  await page.locator('#field-message').fill('The matter title has a typo in its English name.');
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expect(page.getByTestId('report-received')).toBeVisible();
  await context.close();
});

test('the footer carries the site furniture on every page', async ({ page }) => {
  for (const path of ['/zh-CN', '/en/matters', '/zh-CN/about']) {
    await page.goto(path);
    const footer = page.getByTestId('site-footer');
    await expect(footer).toContainText(path.startsWith('/en') ? 'Sponsor:' : '主办单位：');
    await expect(footer.getByRole('link', { name: /ICP/ })).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
  }
  await page.goto('/zh-CN/about');
  await expect(page.getByTestId('about-contact')).toContainText('主办单位');
});
