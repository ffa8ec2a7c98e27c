import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicClientNamespaces, staffClientNamespaces } from './client-messages';

// A client component reading a namespace the layout does not send renders MISSING_MESSAGE in the browser
// (and logs it on the server). Every namespace a client component names must be sent by its layout.

const root = path.resolve(__dirname, '../../app');

function clientFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return clientFiles(file);
    if (!/\.tsx?$/.test(name) || /\.test\./.test(name)) return [];
    return /^\s*['"]use client['"]/.test(readFileSync(file, 'utf8')) ? [file] : [];
  });
}

/** Namespaces a page beside the component sends itself (`pickMessages(…, ['report', …])` in its page.tsx). */
function sentByPage(file: string): string[] {
  const page = path.join(path.dirname(file), 'page.tsx');
  let text = '';
  try {
    text = readFileSync(page, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/pickMessages\([^,]+,\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/['"]([A-Za-z0-9]+)['"]/g)].map((n) => n[1]!));
}

const namespacesOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/useTranslations\(\s*['"]([A-Za-z0-9]+)/g)].map((m) => m[1]!);

describe('client message namespaces', () => {
  const files = clientFiles(root);

  it('finds the client components', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('sends every namespace a staff or sign-in client component reads', () => {
    const missing = files
      .filter((f) => /[\\/]\((staff|auth)\)[\\/]/.test(f) || f.includes(`${path.sep}_components${path.sep}`))
      .flatMap((f) => namespacesOf(f).filter((n) => !(staffClientNamespaces as readonly string[]).includes(n)).map((n) => `${path.relative(root, f)}: ${n}`));
    expect(missing).toEqual([]);
  });

  it('sends every namespace a public client component reads', () => {
    const missing = files
      .filter((f) => /[\\/]\(public\)[\\/]/.test(f))
      .flatMap((f) => namespacesOf(f).filter((n) => !(publicClientNamespaces as readonly string[]).includes(n) && !sentByPage(f).includes(n)).map((n) => `${path.relative(root, f)}: ${n}`));
    expect(missing).toEqual([]);
  });
});
