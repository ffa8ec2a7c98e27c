import { describe, expect, it } from 'vitest';
import { pageParam, readCountedPage, readPage } from './paging';

describe('readPage', () => {
  const rows = Array.from({ length: 7 }, (_, i) => i + 1);
  const read = (limit: number, offset: number) => rows.slice(offset, offset + limit);

  it('reads a page and says whether another follows', () => {
    expect(readPage(1, read, 3)).toEqual({ items: [1, 2, 3], page: 1, hasNext: true });
    expect(readPage(2, read, 3)).toEqual({ items: [4, 5, 6], page: 2, hasNext: true });
    expect(readPage(3, read, 3)).toEqual({ items: [7], page: 3, hasNext: false });
    expect(readPage(4, read, 3)).toEqual({ items: [], page: 4, hasNext: false });
    // A last page exactly full has no next page.
    expect(readPage(2, (limit, offset) => rows.slice(0, 6).slice(offset, offset + limit), 3)).toEqual({ items: [4, 5, 6], page: 2, hasNext: false });
  });

  it('shows every row once over all pages', () => {
    const seen: number[] = [];
    for (let p = 1, more = true; more; p++) {
      const page = readPage(p, read, 2);
      seen.push(...page.items);
      more = page.hasNext;
    }
    expect(seen).toEqual(rows);
  });
});

describe('pageParam', () => {
  it('reads a whole number from 1, the first page otherwise', () => {
    expect(pageParam({ page: '3' })).toBe(3);
    expect(pageParam({ reviewPage: '2' }, 'reviewPage')).toBe(2);
    for (const bad of [undefined, '', '0', '-1', '1.5', 'x', ['2', '3'], '1e9']) expect(pageParam({ page: bad })).toBe(1);
  });
});

describe('readCountedPage', () => {
  const rows = Array.from({ length: 7 }, (_, i) => i + 1);
  const read = (limit: number, offset: number) => rows.slice(offset, offset + limit);
  it('counts every row whichever page is read, counting again only when the page cannot tell', () => {
    let counted = 0;
    const countAll = () => (counted++, rows.length);
    for (let p = 1; p <= 5; p++) expect(readCountedPage(p, read, countAll, 3).total).toBe(7);
    // Pages 1 and 2 have a next page, pages 4 and 5 are past the end: only page 3 (the last, not empty) tells.
    expect(counted).toBe(4);
    expect(readCountedPage(1, () => [], () => 99, 3).total).toBe(0);
  });
});
