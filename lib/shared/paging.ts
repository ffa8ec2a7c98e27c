import { z } from 'zod';

// One way to page a staff list, server-side and in the URL (works without JavaScript): a page number from the
// query string, and a page read with one row more than it shows, to tell whether another page follows. The
// links are app/_components/pager.tsx.

/** Rows on a page of a staff list. */
export const PAGE_SIZE = 25;

/** A page number from the query string: a whole number from 1; anything else reads as the first page. */
export const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The page number under `param` in a page's search params (the first page when absent or bad). */
export function pageParam(search: Record<string, string | string[] | undefined>, param = 'page'): number {
  return pageNumber.parse(search[param]);
}

export type Page<T> = { items: T[]; page: number; hasNext: boolean };

/** One page of a list: `read` gets a limit and an offset (one row more than a page) and returns the rows. */
export function readPage<T>(page: number, read: (limit: number, offset: number) => T[], size = PAGE_SIZE): Page<T> {
  const rows = read(size + 1, (page - 1) * size);
  return { items: rows.slice(0, size), page, hasNext: rows.length > size };
}

/** A page and the number of rows over all pages (the list's heading counts them all). */
export type CountedPage<T> = Page<T> & { total: number };

/** One page and the total: `countAll` runs only when the page does not tell it (a later page follows, or the page is past the end). */
export function readCountedPage<T>(page: number, read: (limit: number, offset: number) => T[], countAll: () => number, size = PAGE_SIZE): CountedPage<T> {
  const p = readPage(page, read, size);
  const known = !p.hasNext && (p.items.length > 0 || page === 1);
  return { ...p, total: known ? (page - 1) * size + p.items.length : countAll() };
}

/** Which page of a list to read, and how long a page is (tests shorten it). */
export type PageRequest = { page?: number; size?: number };
