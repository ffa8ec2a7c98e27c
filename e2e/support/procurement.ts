import type { Page } from '@playwright/test';

/** The drafting form requires how the contractor was chosen: a single source on its legal ground (no rule warning). */
export async function chooseSingleSource(page: Page) {
  await page.locator('#field-procurement-method').selectOption('single_source');
  await page.locator('#field-procurement-singleSourceGround').selectOption('only_one_supplier');
  await page.locator('#field-procurement-justification').fill('唯一具备该项服务资质的机构');
}
