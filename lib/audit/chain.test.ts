import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, eventCanonicalJson, eventHash, GENESIS_HASH, type ChainedEvent } from './chain';

const eventArb: fc.Arbitrary<ChainedEvent> = fc.record({
  seq: fc.integer({ min: 1, max: 2 ** 40 }),
  occurredAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  actorId: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: null }),
  actorName: fc.string({ unit: 'grapheme' }),
  actorRole: fc.constantFrom('admin', 'officer', 'system'),
  actorOrg: fc.option(fc.string({ unit: 'grapheme' }), { nil: null }),
  action: fc.string(),
  entityType: fc.string(),
  entityId: fc.string(),
  departmentId: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: null }),
  data: fc.jsonValue().map((v) => canonicalJson({ after: v ?? null })),
  requestMeta: fc.option(fc.dictionary(fc.string(), fc.string()).map((v) => canonicalJson(v)), { nil: null }),
});

describe('canonical event JSON', () => {
  it('is byte-identical to RFC 8785 canonicalization of the parsed event', () => {
    fc.assert(
      fc.property(eventArb, (e) => {
        const parsed = {
          seq: e.seq,
          occurredAt: e.occurredAt,
          actor: { id: e.actorId, name: e.actorName, role: e.actorRole, org: e.actorOrg },
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          departmentId: e.departmentId,
          data: JSON.parse(e.data),
          requestMeta: e.requestMeta === null ? null : JSON.parse(e.requestMeta),
        };
        expect(eventCanonicalJson(e)).toBe(canonicalJson(parsed));
      }),
      { numRuns: 500 },
    );
  });

  it('changes the hash when any field or the previous hash changes', () => {
    fc.assert(
      fc.property(eventArb, fc.string({ minLength: 1 }), (e, suffix) => {
        const h = eventHash(GENESIS_HASH, e);
        expect(eventHash(GENESIS_HASH, { ...e, action: e.action + suffix })).not.toBe(h);
        expect(eventHash(GENESIS_HASH, { ...e, seq: e.seq + 1 })).not.toBe(h);
        expect(eventHash('1'.repeat(64), e)).not.toBe(h);
      }),
      { numRuns: 200 },
    );
  });
});

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], ä: 2, Z: { y: 1, x: 2 } })).toBe('{"Z":{"x":2,"y":1},"a":[true,null,"x"],"b":1,"ä":2}');
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '\ufb33': 4 })).toBe(`{"\\r":2,"\u20ac":1,"\ud83d\ude00":3,"\ufb33":4}`);
  });
  it('round-trips any JSON value to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });
  it('is the same for objects that differ only in key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
      }),
    );
  });
});
