import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', '.next/**'],
    environment: 'node',
    // Tests assert behaviour, never speed (speed is `npm run bench`): a busy 2-core machine must not fail them.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['lib/testing/fuzz-summary.ts'],
    server: { deps: { inline: ['server-only', 'next-intl'] } },
    alias: { 'server-only': path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib/testing/server-only-stub.ts') },
  },
});
