import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Each run gets its own database; workers inherit it through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'registry-e2e-'));
const dataDir = process.env.E2E_DATA_DIR;
const port = Number(process.env.E2E_PORT ?? 3100);

/** Debian's Chromium where present: no browser download works on these machines. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: path.join(dataDir, 'playwright-results.json') }]],
  // Many tests walk several server-rendered pages (axe on each, the 360 px sweep): 60 s a test, 10 s an
  // assertion, so a busy machine slows them down without failing them; a real failure still fails.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: [
    {
      // A real OpenID Connect provider for the single sign-on tests.
      command: 'node e2e/support/oidc-server.mjs',
      url: `http://localhost:${port + 1}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { OIDC_PORT: String(port + 1), APP_URL: `http://localhost:${port}`, NODE_ENV: 'development' },
    },
    {
      command: 'node scripts/start.mjs',
      url: `http://localhost:${port}/zh-CN`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: {
        PORT: String(port),
        DATABASE_PATH: path.join(dataDir, 'registry.db'),
        UPLOAD_DIR: path.join(dataDir, 'uploads'),
        AUDIT_KEY_PATH: path.join(dataDir, 'audit-signing-key.pem'),
        NEXTAUTH_URL: `http://localhost:${port}`,
        OIDC_ISSUER: `http://localhost:${port + 1}`,
        OIDC_CLIENT_ID: 'registry',
        OIDC_CLIENT_SECRET: 'registry-test-secret',
        OIDC_NAME: 'Longgang SSO',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  ],
});
