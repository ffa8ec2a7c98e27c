import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listContractorsForStaff, contractorListQuery } from '../contractors/staff-queries';
import { listMattersForStaff, matterListQuery } from '../matters/staff-queries';
import { parseContractorFilter, parseMatterFilter } from '../public/filters';
import { buildPublicFixture } from '../public/public-fixture';
import { findPublicContractors } from '../public/contractor-queries';
import { findPublicMatters } from '../public/matter-queries';
import { controlOrBroken, fuzzRuns, hostileString } from '../testing/hostile';

const f = buildPublicFixture();
const { db } = f;
const auditor = { id: null, name: 'a', role: 'auditor' as const, departmentId: null, contractorId: null, orgName: null };

/** A search as the public pages and API run it: the query string parsed, then the query. */
const publicSearch = (q: string) => {
  const { filter, invalid } = parseMatterFilter(new URLSearchParams({ q }));
  return { codes: findPublicMatters(db, filter, { limit: 100 }).items.map((m) => m.code), invalid };
};
const publicContractorSearch = (q: string) => findPublicContractors(db, parseContractorFilter(new URLSearchParams({ q })).filter, { limit: 100 }).items.length;
/** A search as the staff pages run it. */
const staffSearch = (q: string) => listMattersForStaff(db, auditor, matterListQuery.parse({ q })).items.map((m) => m.code);
const staffContractorSearch = (q: string) => listContractorsForStaff(db, auditor, contractorListQuery.parse({ q })).items.length;

describe('search text with control characters', () => {
  it('a NUL byte in a search of three or more characters does not reach FTS5 (public and staff)', () => {
    for (const q of ['\u0000abc', 'ab\u0000c', 'abc\u0000', '污染\u0000源', 'env\u0000-001', '\u0000\u0000\u0000']) {
      expect(() => publicSearch(q), JSON.stringify(q)).not.toThrow();
      expect(() => staffSearch(q), JSON.stringify(q)).not.toThrow();
      expect(() => publicContractorSearch(q), JSON.stringify(q)).not.toThrow();
      expect(() => staffContractorSearch(q), JSON.stringify(q)).not.toThrow();
    }
  });

  it('strips control characters: what is left is searched', () => {
    expect(publicSearch('\u0000env-001').codes).toEqual(['LG-ENV-001']);
    expect(publicSearch('\u0007污染\u001b').codes).toEqual(['LG-ENV-001']);
    expect(staffSearch('\u0000污染').length).toBeGreaterThan(0);
    // Nothing but control characters is no search text at all: refused (the API answers 400 naming q).
    expect(publicSearch('\u0000\u0001\u0002').invalid).toEqual(['q']);
  });

  it('no hostile search text makes a search fail', () => {
    const search = fc.oneof(hostileString, fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...controlOrBroken), fc.string({ maxLength: 6 })).map(([a, c, b]) => `${a}${c}${b}`));
    fc.assert(
      fc.property(search, (q) => {
        publicSearch(q);
        staffSearch(q);
        publicContractorSearch(q);
        staffContractorSearch(q);
      }),
      { numRuns: fuzzRuns(500) },
    );
  });
});
