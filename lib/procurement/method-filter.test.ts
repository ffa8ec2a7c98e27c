import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../demo/load-demo';
import { procurementMethods } from '../domain/enums';
import { PUBLISHED_CONTRACT_STATUSES, readRows } from '../figures/recount';
import { findPublicContracts } from '../public/contract-queries';
import { testDb } from '../testing/db';

// The public contract list filtered by how the contractor was chosen (GET /api/public/contracts?method=):
// every page and the total equal a recount from the tables with the design's published statuses.

describe('the public contract list by procurement method', () => {
  const db = testDb();
  beforeAll(() => loadDemoData(db), 300_000);

  it('lists, page by page, exactly the published contracts recorded with the method, and counts them', () => {
    const rows = readRows(db);
    const published = new Set(rows.contracts.filter((c) => (PUBLISHED_CONTRACT_STATUSES as readonly string[]).includes(c.status)).map((c) => c.id));
    const referenceOf = new Map(rows.contracts.map((c) => [c.id, c.reference]));
    let methodsSeen = 0;
    for (const method of procurementMethods) {
      const expected = rows.procurements.filter((p) => p.method === method && published.has(p.contract_id)).map((p) => referenceOf.get(p.contract_id)!).sort();
      const shown: string[] = [];
      let after: number | undefined;
      let total = -1;
      do {
        const page = findPublicContracts(db, { limit: 7, after, method });
        shown.push(...page.items.map((i) => i.reference));
        total = page.total;
        after = page.nextAfter ?? undefined;
      } while (after !== undefined);
      expect(shown.sort(), method).toEqual(expected);
      expect(total, method).toBe(expected.length);
      if (expected.length > 0) methodsSeen++;
    }
    expect(methodsSeen).toBeGreaterThan(3);
    // Unfiltered, the list keeps its kept total.
    expect(findPublicContracts(db, { limit: 1 }).total).toBe(published.size);
  });
});
