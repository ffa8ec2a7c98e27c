// Every page names itself in the browser's title (record · page · site): each page.tsx under app/[locale]
// exports generateMetadata, but the two that never render (start redirects, the catch-all is a 404 that
// names itself too), and the catalogue has a title for every page key in both languages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';
import { findFilesNamed } from '@/lib/testing/app-modules';

const root = path.join(process.cwd(), 'app', '[locale]');
const pages = findFilesNamed(root, 'page.tsx');

describe('page titles', () => {
  it('finds the pages', () => expect(pages.length).toBeGreaterThan(25));

  for (const file of pages) {
    const rel = path.relative(root, file);
    if (rel === path.join('(staff)', 'start', 'page.tsx')) continue;
    it(`${rel} exports generateMetadata`, () => {
      expect(readFileSync(file, 'utf8')).toMatch(/export async function generateMetadata\(/);
    });
  }

  it('names every page key used in both languages', () => {
    const used = new Set(pages.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/[pP]ageTitle\(locale, '([a-zA-Z]+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) {
      expect(en.pageTitles, key).toHaveProperty(key);
      expect(zh.pageTitles, key).toHaveProperty(key);
    }
  });
});
