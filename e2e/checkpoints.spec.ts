import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

test('the public checkpoint page explains the check and lists signed checkpoints', async ({ page }) => {
  await page.goto('/zh-CN/checkpoints');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('审计日志检查点');
  await expect(page.getByTestId('checkpoint-row').first()).toBeVisible();
  await expect(page.getByTestId('public-key')).not.toBeEmpty();
});

test('a checkpoint downloaded from the public API verifies against the database', async ({ request }) => {
  const response = await request.get('/api/public/audit/checkpoint');
  expect(response.ok()).toBe(true);
  const checkpoint = await response.json();
  expect(checkpoint).toMatchObject({ algorithm: 'Ed25519' });
  const dir = process.env.E2E_DATA_DIR!;
  const file = path.join(dir, 'saved-checkpoint.json');
  writeFileSync(file, JSON.stringify(checkpoint));
  const out = execFileSync(path.join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['scripts/audit-verify.ts', '--checkpoint', file], {
    env: { ...process.env, DATABASE_PATH: path.join(dir, 'registry.db'), AUDIT_KEY_PATH: path.join(dir, 'audit-signing-key.pem') },
    encoding: 'utf8',
  });
  expect(out).toMatch(/unchanged/);
});
