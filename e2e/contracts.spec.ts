import { expect, test, type Page } from '@playwright/test';
import { demo, signIn, signOut } from './support/auth';
import { chooseSingleSource } from './support/procurement';

const text = {
  'zh-CN': { search: '查找', draft: '为此事项起草合同', save: '保存草稿', submit: '提交审批', approve: '批准合同', request: '提交变更申请', approveAmendment: '批准变更', pay: '登记付款', complete: '确认完成' },
  en: { search: 'Search', draft: 'Draft a contract for this matter', save: 'Save draft', submit: 'Submit for approval', approve: 'Approve contract', request: 'Request amendment', approveAmendment: 'Approve amendment', pay: 'Record payment', complete: 'Mark completed' },
} as const;

async function openMatter(page: Page, locale: 'zh-CN' | 'en', code: string) {
  await page.goto(`/${locale}/desk/matters?q=${code}`);
  await page.getByTestId('matter-row').getByRole('link').click();
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`draft → approval → amendment → payment → completed, every step in the history (${locale})`, async ({ page }) => {
    const t = text[locale];
    const matter = locale === 'en' ? 'LG-ENV-004' : 'LG-ENV-003';
    await signIn(page, demo('officer'), undefined, locale);
    await openMatter(page, locale, matter);
    await page.getByRole('link', { name: t.draft }).click();
    await page.locator('#field-contractorId').selectOption({ index: 1 });
    await page.locator('#field-valueFen').fill('120000');
    await page.locator('#field-startDate').fill('2026-06-01');
    await page.locator('#field-endDate').fill('2027-05-31');
    await page.locator('input[name="milestones.0.title"]').fill(locale === 'en' ? 'Interim payment' : '中期付款');
    await page.locator('select[name="milestones.0.type"]').selectOption('payment');
    await page.locator('input[name="milestones.0.dueDate"]').fill('2026-12-31');
    await chooseSingleSource(page);
    await page.locator('input[name="noSubcontractDeclared"]').check();
    await page.getByRole('button', { name: t.save }).click();
    await expect(page).toHaveURL(/\/desk\/contracts\/\d+$/);
    const contractUrl = page.url();
    await page.getByTestId('transition-submit').getByRole('button', { name: t.submit }).click();
    await expect(page.getByTestId('transition-submit')).toHaveCount(0);
    // The drafter cannot approve: the step is not offered.
    await expect(page.getByTestId('transition-approve')).toHaveCount(0);
    await signOut(page);

    await signIn(page, demo('approver'), undefined, locale);
    await page.goto(contractUrl);
    await page.getByTestId('transition-approve').getByRole('button', { name: t.approve }).click();
    await expect(page.getByTestId('transition-complete')).toBeVisible();
    await signOut(page);

    await signIn(page, demo('officer'), undefined, locale);
    await page.goto(contractUrl);
    // The amendment form opens from a button (it is rarely used).
    await page.getByTestId('amendment-open').locator('summary').click();
    const amendment = page.getByTestId('amendment-form');
    await amendment.locator('#field-newValueFen').fill('150000');
    await amendment.locator('#field-rationale').fill(locale === 'en' ? 'Two more communities added' : '服务范围新增两个社区');
    await amendment.getByRole('button', { name: t.request }).click();
    await expect(page.getByTestId('amendment')).toHaveCount(1);
    await signOut(page);

    await signIn(page, demo('approver'), undefined, locale);
    await page.goto(contractUrl);
    await page.getByTestId('amendment-decision').getByRole('button', { name: t.approveAmendment }).click();
    await expect(page.getByTestId('contract-value')).toContainText('150,000');
    await signOut(page);

    await signIn(page, demo('officer'), undefined, locale);
    await page.goto(contractUrl);
    type Release = { ocid: string; id: string; date: string; tag: string[]; awards: { value: { amount: number } }[]; contracts: { value: { amount: number }; amendments?: unknown[]; implementation?: { transactions?: { value: { amount: number } }[] } }[] };
    const published = async () => ((await (await page.request.get('/api/public/ocds/release-package.json')).json()) as { releases: Release[] }).releases;
    const before = await published();
    const payment = page.getByTestId('payment-form');
    await payment.locator('#field-amountFen').fill('75000');
    await payment.locator('#field-paidOn').fill('2026-11-20');
    await payment.locator('#field-milestoneId').selectOption({ index: 1 });
    await payment.getByRole('button', { name: t.pay }).click();
    await expect(page.getByTestId('payment')).toHaveCount(1);
    // Recording the payment published a new OCDS release (new id and date); the earlier ones stay.
    const after = await published();
    const known = new Set(before.map((r) => r.id));
    const added = after.filter((r) => !known.has(r.id));
    expect(added.map((r) => r.tag)).toEqual([['implementation']]);
    const release = added[0]!;
    const earlier = before.filter((r) => r.ocid === release.ocid);
    expect(earlier.length).toBeGreaterThan(0);
    expect(Date.parse(release.date)).toBeGreaterThanOrEqual(Math.max(...earlier.map((r) => Date.parse(r.date))));
    expect(release.contracts[0]!.implementation!.transactions!.map((t) => t.value.amount)).toEqual([75000]);
    // The award keeps what was awarded; the amendment is listed, and the contract carries the amended value.
    expect(release.awards[0]!.value.amount).toBe(120000);
    expect(release.contracts[0]!.value.amount).toBe(150000);
    expect(release.contracts[0]!.amendments).toHaveLength(1);
    expect(after.slice(0, before.length)).toEqual(before);
    await page.getByTestId('transition-complete').getByRole('button', { name: t.complete }).click();
    // Completing is confirmed in a dialog that states what is still open (e2e/confirmations.spec.ts).
    await page.getByRole('alertdialog').getByTestId('confirm-step').click();
    await expect(page.getByTestId('transition-complete')).toHaveCount(0);

    const actions = await page.getByTestId('history-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    for (const step of ['contract.drafted', 'milestone.created', 'contract.submitted', 'contract.approved', 'amendment.requested', 'amendment.approved', 'contract.updated', 'payment.recorded', 'milestone.status_changed', 'contract.completed']) {
      expect(actions, step).toContain(step);
    }
  });
}

test('an approver cannot approve their own draft', async ({ page }) => {
  await signIn(page, demo('approver'));
  await openMatter(page, 'zh-CN', 'LG-ENV-005');
  await page.getByRole('link', { name: text['zh-CN'].draft }).click();
  await page.locator('#field-contractorId').selectOption({ index: 1 });
  await page.locator('#field-valueFen').fill('1000');
  await page.locator('#field-startDate').fill('2027-01-01');
  await page.locator('#field-endDate').fill('2027-06-30');
  await chooseSingleSource(page);
  await page.locator('input[name="noSubcontractDeclared"]').check();
  await page.getByRole('button', { name: text['zh-CN'].save }).click();
  await page.getByTestId('transition-submit').getByRole('button').click();
  await expect(page.getByTestId('transition-return')).toBeVisible();
  await expect(page.getByTestId('transition-approve')).toHaveCount(0);
});
