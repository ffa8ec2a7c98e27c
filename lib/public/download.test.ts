import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecord, downloadChunks, streamChunks } from './download';
import { buildPublicFixture } from './public-fixture';
import { contractDownloadColumns, iterateContractRows, iterateMatterRows, matterDownloadColumns } from './queries';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe('bulk downloads', () => {
  const f = buildPublicFixture();

  it('CSV starts with a UTF-8 BOM and a header row, and round-trips', async () => {
    const bytes = new Uint8Array(await new Response(streamChunks(downloadChunks(iterateContractRows(f.db.$client), contractDownloadColumns, 'csv'))).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...contractDownloadColumns]);
    expect(rows.map((r) => r.reference).sort()).toEqual([f.activeA, f.activeB, f.completed].map((c) => c.reference).sort());
  });

  it('JSON is one array of objects with the documented fields, across chunk boundaries', async () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ code: `M${i}`, titleZh: '题', titleEn: null }));
    const parsed = JSON.parse(await readAll(streamChunks(downloadChunks(many, ['code', 'titleZh', 'titleEn'], 'json')))) as unknown[];
    expect(parsed).toHaveLength(450);
    expect(parsed[449]).toEqual({ code: 'M449', titleZh: '题', titleEn: null });
    const matters = JSON.parse(await readAll(streamChunks(downloadChunks(iterateMatterRows(f.db.$client), matterDownloadColumns, 'json')))) as { code: string }[];
    expect(matters.map((m) => m.code)).toEqual(['LG-CUL-001', 'LG-ENV-001', 'LG-SAF-001']);
  });

  it('pulls lazily and runs the clean-up once when the reader cancels', async () => {
    let produced = 0;
    let closed = 0;
    function* endless() {
      for (;;) {
        produced++;
        yield { n: produced };
      }
    }
    const reader = streamChunks(downloadChunks(endless(), ['n'], 'json'), () => closed++).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(produced).toBeLessThan(1000);
    expect(closed).toBe(1);
  });
});

describe('the CSV writer', () => {
  it('writes every record exactly as csv-stringify does', () => {
    const field = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('', '"', ',', '\n', '\r\n', ' a,"b"\r', '甲,乙"丙"'), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (records) => {
        const columns = ['a', 'b', 'c'];
        const rows = records.map((r) => ({ a: r[0]!, b: r[1]!, c: r[2]! }));
        expect(rows.map((r) => csvRecord(r, columns)).join('')).toBe(stringify(records.map((r) => r.map((v) => v ?? ''))));
      }),
      { numRuns: 2000 },
    );
  });
});
