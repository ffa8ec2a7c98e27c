import { expect, test, type Page } from '@playwright/test';
import { demo, signIn, signOut } from './support/auth';
import { chooseSingleSource } from './support/procurement';

// Issue 15, item 7: the approval loop both ways. A contract sent back by the approver is edited by its officer
// and approved on the second pass, each side told by a notification; every step ends with its confirmation
// at the top of the page.

const text = {
  'zh-CN': { draft: '为此事项起草合同', save: '保存草稿', saveChanges: '保存修改', submit: '提交审批', approve: '批准合同', ret: '退回修改', edit: '修改退回的草稿' },
  en: { draft: 'Draft a contract for this matter', save: 'Save draft', saveChanges: 'Save changes', submit: 'Submit for approval', approve: 'Approve contract', ret: 'Send back', edit: 'Edit the returned draft' },
} as const;

/** The unread count in the header (0 when no badge). */
async function unread(page: Page): Promise<number> {
  const text = (await page.getByTestId('notification-count').textContent()) ?? '';
  return Number(/(\d+)/.exec(text)?.[1] ?? 0);
}

async function notificationFor(page: Page, locale: string, reference: string, kind: string) {
  await page.goto(`/${locale}/notifications`);
  return page.getByTestId('notification').filter({ hasText: reference }).and(page.locator(`[data-kind="${kind}"]`)).first();
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`sent back, edited by the officer, approved on the second pass; each side told (${locale})`, async ({ page }) => {
    // Five sign-ins and a dozen pages: longer than one step's default.
    test.setTimeout(120_000);
    const t = text[locale];
    const matter = locale === 'en' ? 'LG-ENV-007' : 'LG-ENV-006';
    const comment = locale === 'en' ? 'Please lower the value to 90,000 yuan.' : '请将金额调整为九万元。';

    // The officer drafts and submits.
    await signIn(page, demo('officer'), undefined, locale);
    await page.goto(`/${locale}/desk/matters?q=${matter}`);
    await page.getByTestId('matter-row').getByRole('link').click();
    await page.getByRole('link', { name: t.draft }).click();
    await page.locator('#field-contractorId').selectOption({ index: 1 });
    await page.locator('#field-valueFen').fill('120000');
    await page.locator('#field-startDate').fill('2027-01-01');
    await page.locator('#field-endDate').fill('2027-12-31');
    await page.locator('input[name="milestones.0.title"]').fill(locale === 'en' ? 'Mid-year report' : '年中报告');
    await page.locator('select[name="milestones.0.type"]').selectOption('reporting');
    await page.locator('input[name="milestones.0.dueDate"]').fill('2027-06-30');
    await chooseSingleSource(page);
    await page.locator('input[name="noSubcontractDeclared"]').check();
    await page.getByRole('button', { name: t.save }).click();
    await expect(page).toHaveURL(/\/desk\/contracts\/\d+$/);
    const contractUrl = page.url();
    const reference = (await page.locator('p.font-mono').first().textContent())!.trim();
    await page.getByTestId('transition-submit').getByRole('button', { name: t.submit }).click();
    await expect(page.getByTestId('step-confirmation')).toBeVisible();
    await signOut(page);

    // The approver is told, opens it from the notification and sends it back with a comment.
    await signIn(page, demo('approver'), undefined, locale);
    const before = await unread(page);
    expect(before).toBeGreaterThan(0);
    const submitted = await notificationFor(page, locale, reference, 'submitted_for_approval');
    await expect(submitted).toHaveAttribute('data-read', 'false');
    await submitted.getByRole('link').click();
    await expect(page).toHaveURL(contractUrl);
    const ret = page.getByTestId('transition-return');
    await ret.locator('textarea[name="reason"]').fill(comment);
    await ret.getByRole('button', { name: t.ret }).click();
    await expect(page.getByTestId('step-confirmation')).toBeVisible();
    // The confirmation sits at the top of the page, where the person is looking after the reload.
    expect((await page.getByTestId('step-confirmation').boundingBox())!.y).toBeLessThan(400);
    await expect(page.getByTestId('returned-comment')).toHaveText(comment);
    // Marking the notification read lowers the count.
    const mine = await notificationFor(page, locale, reference, 'submitted_for_approval');
    await mine.getByTestId('mark-read').getByRole('button').click();
    await expect(mine).toHaveAttribute('data-read', 'true');
    expect(await unread(page)).toBe(before - 1);
    await signOut(page);

    // The officer is told it came back, sees the comment on the desk and on top of the contract, edits it.
    await signIn(page, demo('officer'), undefined, locale);
    const returned = await notificationFor(page, locale, reference, 'returned');
    await expect(returned).toContainText(comment);
    await page.goto(`/${locale}/desk`);
    await expect(page.getByTestId('returned-draft').filter({ hasText: reference })).toContainText(comment);
    await page.goto(contractUrl);
    await expect(page.getByTestId('returned-comment')).toHaveText(comment);
    await page.getByTestId('edit-draft').click();
    await expect(page.locator('#field-valueFen')).toHaveValue('120000.00');
    await expect(page.locator('input[name="milestones.0.title"]')).toHaveValue(locale === 'en' ? 'Mid-year report' : '年中报告');
    await page.locator('#field-valueFen').fill('90000');
    await page.getByRole('button', { name: t.saveChanges }).click();
    await expect(page).toHaveURL(/\/desk\/contracts\/\d+\?step=edited$/);
    await expect(page.getByTestId('step-confirmation')).toBeVisible();
    await expect(page.getByTestId('contract-value')).toContainText('90,000');
    await page.getByTestId('transition-submit').getByRole('button', { name: t.submit }).click();
    await expect(page.getByTestId('step-confirmation')).toBeVisible();
    await expect(page.getByTestId('returned-comment')).toHaveCount(0);
    const history = await page.getByTestId('history-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(history.filter((a) => a === 'contract.submitted')).toHaveLength(2);
    expect(history).toContain('contract.returned');
    expect(history).toContain('contract.draft_edited');
    await signOut(page);

    // Second pass: the approver is told again and approves.
    await signIn(page, demo('approver'), undefined, locale);
    const again = await notificationFor(page, locale, reference, 'submitted_for_approval');
    await expect(again).toHaveAttribute('data-read', 'false');
    await again.getByRole('link').click();
    await page.getByTestId('transition-approve').getByRole('button', { name: t.approve }).click();
    await expect(page.getByTestId('step-confirmation')).toBeVisible();
    await expect(page.getByTestId('transition-complete')).toBeVisible();
    await signOut(page);

    // The officer is told it was approved.
    await signIn(page, demo('officer'), undefined, locale);
    const approved = await notificationFor(page, locale, reference, 'approved');
    await expect(approved).toHaveAttribute('data-read', 'false');
    await page.getByTestId('mark-all-read').getByRole('button').click();
    await expect(page.getByTestId('notification').and(page.locator('[data-read="false"]'))).toHaveCount(0);
    expect(await unread(page)).toBe(0);
  });
}

test('an approver\'s own draft is marked: another approver must approve', async ({ page }) => {
  await signIn(page, demo('approver'));
  await page.goto('/zh-CN/desk/matters?q=LG-ENV-008');
  await page.getByTestId('matter-row').getByRole('link').click();
  await page.getByRole('link', { name: text['zh-CN'].draft }).click();
  await page.locator('#field-contractorId').selectOption({ index: 1 });
  await page.locator('#field-valueFen').fill('1000');
  await page.locator('#field-startDate').fill('2027-01-01');
  await page.locator('#field-endDate').fill('2027-06-30');
  await chooseSingleSource(page);
  await page.locator('input[name="noSubcontractDeclared"]').check();
  await page.getByRole('button', { name: text['zh-CN'].save }).click();
  await page.getByTestId('transition-submit').getByRole('button').click();
  await expect(page.getByTestId('own-draft-note')).toContainText('另一位审批人');
  await expect(page.getByTestId('transition-approve')).toHaveCount(0);
  await page.goto('/zh-CN/approvals');
  await expect(page.getByTestId('own-drafts')).toContainText('另一位审批人');
});
