import { expect, test, type APIRequestContext } from '@playwright/test';
import { demo, signIn } from '../support/auth';
import { openRegistry } from './registry';

// A write expires the cached pages of what it changed and nothing else (lib/public/cache-tags.ts), proved on
// the real server: pages are served whole from Next's page cache (`x-nextjs-cache: HIT`, the same bytes)
// until a write that shows on them; an unrelated matter's and contract's pages stay cached through it.

const EDITED = 'LG-ENV-002';

/** GETs a page until Next serves it from its page cache; answers the cached body. */
async function cachedBody(request: APIRequestContext, path: string): Promise<string> {
  let last = '';
  await expect
    .poll(async () => {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      last = await res.text();
      return res.headers()['x-nextjs-cache'];
    }, { message: `${path} is served from the page cache`, timeout: 20_000 })
    .toBe('HIT');
  return last;
}

test('a matter edit expires its own pages at once and leaves an unrelated matter and contract cached', async ({ page, request }) => {
  const db = openRegistry();
  const related = db
    .prepare(`select c.reference from contracts c join matters m on m.id = c.matter_id where m.code = ? and c.status in ('active', 'suspended', 'completed', 'terminated') order by c.id limit 1`)
    .pluck()
    .get(EDITED) as string;
  // A matter of another department, and one of its published contracts (no renewal link to the edited matter's).
  const other = db
    .prepare(
      `select m.code, c.reference from matters m join contracts c on c.matter_id = m.id
        where m.code <> ? and m.catalogue_status = 'listed' and c.status = 'active'
          and m.department_id <> (select department_id from matters where code = ?) and c.renewal_of_id is null
          and not exists (select 1 from contracts r where r.renewal_of_id = c.id)
        order by m.code limit 1`,
    )
    .get(EDITED, EDITED) as { code: string; reference: string };
  db.close();
  expect(related).toBeTruthy();
  expect(other).toBeTruthy();

  const unrelated = [`/en/matters/${other.code}`, `/en/contracts/${other.reference}`, '/en/about'];
  const before = new Map<string, string>();
  for (const path of unrelated) before.set(path, await cachedBody(request, path));
  await cachedBody(request, `/en/matters/${EDITED}`);
  await cachedBody(request, `/en/contracts/${related}`);

  // The write, through the real server action.
  const title = `Matter edited at ${Date.now()}`;
  await signIn(page, demo('officer'));
  await page.goto(`/zh-CN/desk/matters?q=${EDITED}`);
  await page.getByTestId('matter-row').getByRole('link').click();
  const edit = page.getByTestId('matter-edit');
  await edit.locator('#field-titleEn').fill(title);
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByRole('status')).toBeVisible();

  // The related pages are fresh for the very next visitor (no stale copy served first).
  for (const path of [`/en/matters/${EDITED}`, `/en/contracts/${related}`]) {
    const res = await request.get(path);
    expect(res.headers()['x-nextjs-cache'], path).not.toBe('HIT');
    expect(await res.text(), path).toContain(title);
  }
  // The unrelated ones are still the cached copies.
  for (const path of unrelated) {
    const res = await request.get(path);
    expect(res.headers()['x-nextjs-cache'], `${path} stays cached`).toBe('HIT');
    expect(await res.text(), `${path} is the same copy`).toBe(before.get(path));
  }
});
