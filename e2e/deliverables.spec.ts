import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn, signOut } from './support/auth';

const text = {
  'zh-CN': { submit: '提交成果', upload: '上传', ret: '退回并说明', accept: '验收通过', resubmit: '重新提交', resubmitHeading: '回应意见并重新提交', notFound: '页面不存在' },
  en: { submit: 'Submit deliverable', upload: 'Upload', ret: 'Return with comment', accept: 'Accept', resubmit: 'Resubmit', resubmitHeading: 'Answer the comment and resubmit', notFound: 'Page not found' },
} as const;

/** Reads the e2e database the app under test uses, to pick records the story needs. */
function pickRecords() {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'registry.db'), { readonly: true, fileMustExist: true });
  try {
    const contract = db
      .prepare(
        `select c.id from contracts c
           join users r on r.contractor_id = c.contractor_id and r.email = ?
           join users o on o.department_id = c.department_id and o.email = ?
          where c.status = 'active' order by c.id limit 1`,
      )
      .get(demo('contractor'), demo('officer')) as { id: number };
    const outsider = db
      .prepare(
        `select u.email from users u join contractors k on k.id = u.contractor_id
          where u.role = 'contractor' and u.disabled = 0 and k.verification_status = 'verified' and u.email like 'reporter.%'
            and u.contractor_id <> (select contractor_id from users where email = ?)
          order by u.id limit 1`,
      )
      .pluck()
      .get(demo('contractor')) as string;
    return { contractId: contract.id, outsider };
  } finally {
    db.close();
  }
}

/** A small well-formed PDF. */
const pdf = Buffer.from(['%PDF-1.4', '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj', '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj', 'trailer << /Root 1 0 R >>', '%%EOF'].join('\n'));

const deliverable = (page: Page, title: string, status?: string) => page.locator(`[data-testid="deliverable"][data-title="${title}"]${status ? `[data-status="${status}"]` : ''}`);

for (const locale of ['zh-CN', 'en'] as const) {
  test(`deliverable story: log with a PDF, return, resubmit, accept; outsiders get not-found (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    const t = text[locale];
    const { contractId, outsider } = pickRecords();
    const contractUrl = `/${locale}/desk/contracts/${contractId}`;
    const title = `E2E ${locale} ${Date.now()}`;

    // The contractor logs a deliverable with an indicator and attaches a PDF.
    await signIn(page, demo('contractor'), undefined, locale);
    await page.goto(contractUrl);
    const form = page.getByTestId('deliverable-form');
    await form.locator('#new-title').fill(title);
    await form.locator('#new-periodStart').fill('2026-01-01');
    await form.locator('#new-periodEnd').fill('2026-03-31');
    await form.locator('#new-description').fill('走访社区并登记问题');
    await form.getByTestId('indicators-name-0').fill('households_visited');
    await form.getByTestId('indicators-value-0').fill('120');
    await form.getByRole('button', { name: t.submit }).click();
    // Saved: the confirmation and the file step show above the emptied form.
    await expect(page.getByTestId('report-saved').getByRole('status')).toBeVisible();
    await page.reload();
    const logged = deliverable(page, title, 'submitted');
    await expect(logged).toBeVisible();
    await logged.locator('input[type="file"]').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf });
    await logged.getByRole('button', { name: t.upload, exact: true }).click();
    await expect(page).toHaveURL(/upload=ok/);
    await expect(page.getByTestId('upload-status')).toBeVisible();
    const link = deliverable(page, title, 'submitted').getByTestId('attachment-link');
    await expect(link).toHaveText('report.pdf');
    const fileUrl = (await link.getAttribute('href'))!;
    const own = await page.request.get(fileUrl);
    expect(own.status()).toBe(200);
    expect(own.headers()['content-type']).toBe('application/pdf');
    expect(own.headers()['content-disposition']).toContain('attachment;');
    expect(own.headers()['x-content-type-options']).toBe('nosniff');
    await signOut(page);

    // The officer of the department sees it waiting on the desk and returns it with a comment.
    await signIn(page, demo('officer'), undefined, locale);
    await page.goto(`/${locale}/desk`);
    await expect(page.getByTestId('awaiting-review').getByText(title)).toBeVisible();
    await page.goto(contractUrl);
    const waiting = deliverable(page, title, 'submitted');
    await waiting.locator('textarea[name="comment"]').fill('请补充走访照片');
    await waiting.getByRole('button', { name: t.ret }).click();
    await expect(deliverable(page, title, 'returned')).toBeVisible();
    await signOut(page);

    // The contractor sees the comment on the portal and resubmits.
    await signIn(page, demo('contractor'), undefined, locale);
    await expect(page.getByTestId('returned-work').getByText('请补充走访照片')).toBeVisible();
    await page.goto(contractUrl);
    const returned = deliverable(page, title, 'returned');
    await expect(returned.getByTestId('review-comment')).toHaveText('请补充走访照片');
    await returned.getByText(t.resubmitHeading).click();
    await returned.locator('textarea[name="description"]').fill('走访社区并登记问题，已补充照片');
    await returned.getByRole('button', { name: t.resubmit }).click();
    await expect(deliverable(page, title, 'submitted')).toBeVisible();
    await expect(deliverable(page, title, 'returned')).toBeVisible();
    await signOut(page);

    // The officer accepts the resubmission; the history shows each step.
    await signIn(page, demo('officer'), undefined, locale);
    await page.goto(contractUrl);
    await deliverable(page, title, 'submitted').getByRole('button', { name: t.accept }).click();
    await expect(deliverable(page, title, 'accepted')).toBeVisible();
    await expect(deliverable(page, title, 'returned')).toBeVisible();
    const history = page.getByTestId('history');
    for (const action of ['deliverable.submitted', 'attachment.added', 'deliverable.returned', 'deliverable.accepted']) {
      await expect(history.locator(`[data-action="${action}"]`).last()).toBeVisible();
    }
    await signOut(page);

    // Another contractor's user can see neither the contract nor the file.
    await signIn(page, outsider, undefined, locale);
    await page.goto(contractUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
    const foreign = await page.request.get(fileUrl);
    expect(foreign.status()).toBe(404);
    await page.context().clearCookies();

    // Signed out: not-found as well.
    expect((await page.request.get(fileUrl)).status()).toBe(404);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a contractor logs a deliverable and attaches a file', async ({ page }) => {
    const { contractId } = pickRecords();
    const title = `E2E no-js ${Date.now()}`;
    await signIn(page, demo('contractor'));
    await page.goto(`/zh-CN/desk/contracts/${contractId}`);
    const form = page.getByTestId('deliverable-form');
    await form.locator('#new-title').fill(title);
    await form.locator('#new-periodStart').fill('2026-04-01');
    await form.locator('#new-periodEnd').fill('2026-06-30');
    await form.getByTestId('indicators-name-0').fill('inspections_done');
    await form.getByTestId('indicators-value-0').fill('8');
    await form.getByRole('button', { name: text['zh-CN'].submit }).click();
    await page.goto(`/zh-CN/desk/contracts/${contractId}`);
    const logged = deliverable(page, title, 'submitted');
    await expect(logged).toBeVisible();
    await logged.locator('input[type="file"]').setInputFiles({ name: 'visits.csv', mimeType: 'text/csv', buffer: Buffer.from('社区,走访户数\n龙港,120\n') });
    await logged.getByRole('button', { name: text['zh-CN'].upload, exact: true }).click();
    await expect(page).toHaveURL(/upload=ok/);
    await expect(deliverable(page, title, 'submitted').getByTestId('attachment-link')).toHaveText('visits.csv');

    // Refusals through the running server: nothing is stored, the reason is named.
    const deliverableId = (await deliverable(page, title, 'submitted').getAttribute('id'))!.replace('deliverable-', '');
    const post = (name: string, buffer: Buffer) => page.request.post('/api/attachments', { multipart: { deliverableId, file: { name, mimeType: 'application/pdf', buffer } } });
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    expect(await (await post('report.pdf', elf)).json()).toEqual({ error: 'type_not_allowed' });
    expect(await (await post('../report.pdf', pdf)).json()).toEqual({ error: 'name_path' });
    const big = await post('big.pdf', Buffer.concat([pdf, Buffer.alloc(21 * 1024 * 1024)]));
    expect(big.status()).toBe(413);
    await page.reload();
    await expect(deliverable(page, title, 'submitted').getByTestId('attachment-link')).toHaveCount(1);
  });
});
