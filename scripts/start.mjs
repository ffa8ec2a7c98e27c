// npm start — builds when the build is missing or older than the sources, migrates, loads the sample data
// into an empty database (demo mode), then serves on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, '.next', 'BUILD_ID');
const sources = ['app', 'lib', 'db', 'messages'].map((d) => path.join(root, d)).filter(existsSync);
const configs = ['next.config.js', 'package.json', 'postcss.config.mjs', 'proxy.ts', 'instrumentation.ts'].map((f) => path.join(root, f)).filter(existsSync);
const newest = Math.max(...sources.map(newestSource), ...configs.map((f) => statSync(f).mtimeMs));
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newest) {
  console.log('start: building the app (next build)…');
  run(bin('next'), ['build']);
}

run(bin('tsx'), [path.join(root, 'scripts', 'prepare.ts')]);

const port = process.env.PORT ?? '3000';
const server = spawn(bin('next'), ['start', '-p', port], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// Signed audit checkpoints at a set interval (when the head has moved), beside the one signed at start.
// PORT and CHECKPOINT_INTERVAL_MINUTES were validated by scripts/prepare.ts above (lib/env.ts: whole numbers,
// or it stops with a message naming the variable); the defaults here are the schema's.
const minutes = Number(process.env.CHECKPOINT_INTERVAL_MINUTES ?? 60);
if (minutes > 0) {
  const timer = setInterval(() => {
    spawn(bin('tsx'), [path.join(root, 'scripts', 'audit-checkpoint.ts'), '--if-moved'], { cwd: root, stdio: 'ignore', env: process.env });
  }, minutes * 60_000);
  timer.unref();
}
