import type { APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';

/** The e2e server's database (playwright.config.ts puts it in E2E_DATA_DIR), read-only. */
export function openRegistry(): Database.Database {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set: run through playwright.config.ts');
  return new Database(path.join(dir, 'registry.db'), { readonly: true, fileMustExist: true });
}

/** Every item of a paginated public list, following nextCursor. */
export async function fetchAll<T>(request: APIRequestContext, path: string, limit = 100): Promise<{ items: T[]; bodies: string[] }> {
  const items: T[] = [];
  const bodies: string[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await request.get(url);
    if (!res.ok()) throw new Error(`${url}: ${res.status()}`);
    const text = await res.text();
    bodies.push(text);
    const page = JSON.parse(text) as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { items, bodies };
}
