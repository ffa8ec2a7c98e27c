import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const paths = [
  '',
  '/matters',
  '/matters?category=environment&status=in_service',
  '/matters?page=2',
  '/matters?q=zzzz-no-such-thing',
  '/matters/LG-ENV-001',
  '/matters/LG-ECO-012',
  '/contractors',
  '/contractors?kind=university',
  '/contractors/1',
  '/contracts/LG-2025-0001',
  '/contracts/LG-2026-0001',
  '/api-docs',
  '/publication-policy',
  '/checkpoints',
  '/matters/LG-NOPE-999',
];

test.describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
  for (const locale of ['zh-CN', 'en']) {
    for (const path of paths) {
      test(`${locale}${path || ' overview'}`, async ({ page }) => {
        // The API reference is the longest page (every field of every object): axe needs more than the usual 30 s on a busy machine.
        test.slow(path === '/api-docs');
        await page.goto(`/${locale}${path}`);
        const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
        expect(summary).toEqual([]);
      });
    }
  }
});
