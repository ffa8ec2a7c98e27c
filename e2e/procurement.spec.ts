import { expect, test } from '@playwright/test';
import { demo, signIn, signOut } from './support/auth';

// How each contractor was chosen (#18), end to end: the officer records a competitive consultation with its
// bidders; its submission period is shorter than the rule's minimum, so the approver sees the warning on the
// approvals list and on the contract; once approved, the public contract page shows how the contractor was
// chosen and among how many, and the public list filters by the method.

test('an officer records a competitive consultation; the approver sees the short period; the public sees how the contractor was chosen and the list filters by method', async ({ page }) => {
  // Three sign-ins and a dozen pages: longer than one step's default.
  test.setTimeout(120_000);
  await signIn(page, demo('officer'));
  await page.goto('/zh-CN/desk/matters?q=LG-ENV-009');
  await page.getByTestId('matter-row').getByRole('link').click();
  await page.getByRole('link', { name: '为此事项起草合同' }).click();
  await page.locator('#field-contractorId').selectOption({ index: 1 });
  await page.locator('#field-valueFen').fill('380000');
  await page.locator('#field-startDate').fill('2027-01-01');
  await page.locator('#field-endDate').fill('2027-12-31');
  await page.locator('#field-procurement-method').selectOption('competitive_consultation');
  await page.locator('#field-procurement-noticeDate').fill('2026-11-02');
  // 4 calendar days: competitive consultation needs at least 10 (财库〔2014〕214号 Art. 10).
  await page.locator('#field-procurement-bidDeadline').fill('2026-11-06');
  await page.locator('#field-procurement-evaluationMethod').selectOption('comprehensive_scoring');
  await page.locator('#field-procurement-numberOfTenderers').fill('3');
  await page.locator('#field-procurement-awardedBid').fill('380000');
  await page.locator('#field-procurement-bidders-0-name').fill('温州某环境科技有限公司');
  await page.locator('#field-procurement-bidders-0-bid').fill('395000');
  await page.locator('#field-procurement-bidders-1-name').fill('苍南某检测服务有限公司');
  await page.locator('input[name="noSubcontractDeclared"]').check();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/desk\/contracts\/\d+$/);
  const contractUrl = page.url();
  const reference = (await page.locator('p.font-mono').first().textContent())!.trim();
  await expect(page.getByTestId('procurement-flags')).toContainText('少于该方式最短 10 天');
  await page.getByTestId('transition-submit').getByRole('button', { name: '提交审批' }).click();
  await expect(page.getByTestId('step-confirmation')).toBeVisible();
  await signOut(page);

  // The approver sees the warning as a marker on the list, and in full on the contract, before approving.
  await signIn(page, demo('approver'));
  await page.goto('/zh-CN/approvals');
  const row = page.getByTestId('contract-row').filter({ hasText: reference });
  await expect(row.getByTestId('procurement-marker')).toContainText('投标期过短');
  await page.goto(contractUrl);
  await expect(page.getByTestId('procurement-method')).toContainText('竞争性磋商');
  await expect(page.getByTestId('procurement-flags')).toContainText('投标（响应）期 4 天，少于该方式最短 10 天的要求');
  await page.getByTestId('transition-approve').getByRole('button', { name: '批准合同' }).click();
  await expect(page.getByTestId('step-confirmation')).toBeVisible();
  await signOut(page);

  // The public contract page: method, bidders, period and the red flag, in English too.
  await page.goto(`/en/contracts/${reference}`);
  await expect(page.getByTestId('procurement-method')).toContainText('Competitive consultation');
  await expect(page.getByTestId('procurement-tenderers')).toContainText('3');
  await expect(page.getByTestId('procurement-period')).toContainText('4 days (minimum 10)');
  await expect(page.getByTestId('bidder-row')).toHaveCount(3);
  await expect(page.getByTestId('procurement-flags')).toContainText('less than this method');

  // The public list filters by method: this contract is among the competitive consultations, not the single sources.
  const listed = async (method: string) => {
    const references: string[] = [];
    let cursor = '';
    do {
      const response = await page.request.get(`/api/public/contracts?limit=100&method=${method}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { items: { reference: string }[]; nextCursor: string | null };
      references.push(...body.items.map((i) => i.reference));
      cursor = body.nextCursor ?? '';
    } while (cursor);
    return references;
  };
  expect(await listed('competitive_consultation')).toContain(reference);
  expect(await listed('single_source')).not.toContain(reference);
  expect((await page.request.get('/api/public/contracts?method=auction')).status()).toBe(400);
});
