// Vitest global setup: gives the fuzz tests a place to leave their counts and, when the run ends, prints
// one line summing them: `fuzz: N inputs, N invalid accepted, N unhandled errors`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'registry-fuzz-'));
  project.provide('fuzzTallyDir', dir);
  return () => {
    const file = path.join(dir, 'tally.jsonl');
    if (existsSync(file)) {
      const rows = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { inputs: number; invalidAccepted: number; unhandled: number });
      const sum = (k: 'inputs' | 'invalidAccepted' | 'unhandled') => rows.reduce((n, r) => n + r[k], 0);
      const line = `fuzz: ${sum('inputs')} inputs, ${sum('invalidAccepted')} invalid accepted, ${sum('unhandled')} unhandled errors`;
      console.log(`\n${line}`);
      // npm test puts the line in its summary too.
      if (process.env.FUZZ_SUMMARY_FILE) writeFileSync(process.env.FUZZ_SUMMARY_FILE, `${line}\n`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
