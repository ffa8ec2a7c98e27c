import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { demo, signIn } from './support/auth';

// The contractor's main task comes first: on a 360 × 740 phone, the contract page opens with "report
// work"; saving shows the confirmation and the file step in view, and the upload's outcome comes back
// into view too. Layout numbers (bounding boxes), not screenshots.

const VIEWPORT = { width: 360, height: 740 };
test.use({ viewport: VIEWPORT });

function contractOfDemoContractor(): { id: number; start: string } {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'registry.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(`select c.id, c.start_date start from contracts c join users r on r.contractor_id = c.contractor_id and r.email = ? where c.status = 'active' order by c.id desc limit 1`)
      .get(demo('contractor')) as { id: number; start: string };
  } finally {
    db.close();
  }
}

async function expectInViewport(locator: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.y, 'top edge in view').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom edge in view').toBeLessThanOrEqual(VIEWPORT.height);
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`a contractor on a phone reports work with a file and sees each step confirmed in view (${locale})`, async ({ page }) => {
    test.setTimeout(90_000);
    const { id: contractId, start } = contractOfDemoContractor();
    await signIn(page, demo('contractor'), undefined, locale);
    await page.goto(`/${locale}/desk/contracts/${contractId}`);
    // The report form starts on the first screen.
    const report = page.getByTestId('report-work');
    expect((await report.getByRole('heading').boundingBox())!.y).toBeLessThan(VIEWPORT.height);

    const title = `Phone ${locale} ${Date.now()}`;
    const form = page.getByTestId('deliverable-form');
    await form.locator('#new-title').fill(title);
    await form.locator('#new-periodStart').fill(start);
    await form.locator('#new-periodEnd').fill(start);
    await form.locator('#new-description').fill(locale === 'en' ? 'Visited 40 households' : '走访 40 户');
    await form.getByRole('button', { name: locale === 'en' ? 'Submit deliverable' : '提交成果' }).click();

    // Saved: the confirmation is where the person is looking, with the file step right under it.
    const saved = page.getByTestId('report-saved');
    await expectInViewport(saved.getByRole('status'));
    await expectInViewport(saved.locator('input[type="file"]'));
    await saved.locator('input[type="file"]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    await saved.getByRole('button', { name: locale === 'en' ? 'Upload' : '上传', exact: true }).click();

    // The upload comes back to the report section with its outcome in view; the file is listed.
    await expect(page).toHaveURL(/upload=ok#report$/);
    await expectInViewport(page.getByTestId('upload-status'));
    await expect(page.locator(`[data-testid="deliverable"][data-title="${title}"]`).getByTestId('attachment-link')).toHaveText('photo.png');
  });
}

/** A 1 × 1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
