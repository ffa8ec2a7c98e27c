import { expect, test } from '@playwright/test';
import { demo, signIn } from './support/auth';
import { openRegistry } from './public/registry';

// Issue 15, item 3: a contract's history shows its latest entries; the earlier ones fold behind a disclosure
// (<details>: works without JavaScript). Each entry is presented by the ledger's presenter: names, labels and
// translated values, never a field or a status as stored.

/** The demo officer's active contract with the longest history. */
function contractWithHistory(): number {
  const db = openRegistry();
  try {
    return db
      .prepare(
        `select c.id from contracts c join users u on u.department_id = c.department_id and u.email = ?
          where c.status = 'active' order by (select count(*) from deliverables d where d.contract_id = c.id) desc, c.id limit 1`,
      )
      .pluck()
      .get(demo('officer')) as number;
  } finally {
    db.close();
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });
    test('the latest five entries show, the earlier ones open from the disclosure', async ({ page }) => {
      await signIn(page, demo('officer'), undefined, 'en');
      await page.goto(`/en/desk/contracts/${contractWithHistory()}`);
      const history = page.getByTestId('history');
      const earlier = history.getByTestId('history-earlier');
      const entries = history.getByTestId('history-event');
      const total = await entries.count();
      expect(total).toBeGreaterThan(5);
      await expect(earlier).not.toHaveAttribute('open');
      await expect(earlier.locator('summary')).toHaveText(`Show ${total - 5} earlier entries`);
      const visible = async () => (await entries.evaluateAll((els) => els.map((e) => (e as HTMLElement).checkVisibility()))).filter(Boolean).length;
      expect(await visible()).toBe(5);
      await earlier.locator('summary').click();
      await expect(earlier).toHaveAttribute('open');
      expect(await visible()).toBe(total);
      // The ledger's presentation: the contract named by its reference, statuses by their labels.
      await expect(entries.filter({ hasText: 'Contract approved' }).first()).toContainText(/Contract LG-\d{4}-\d{4}/);
      await expect(entries.filter({ hasText: 'Contract approved' }).first()).toContainText('Pending approval');
      await expect(history).not.toContainText('pending_approval');
    });
  });
}
