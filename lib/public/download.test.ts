import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downloadChunks, streamChunks } from './download';
import { buildPublicFixture } from './public-fixture';
import { contractDownloadColumns, iterateContractRows, iterateMatterRows, matterDownloadColumns } from './download-rows';

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

describe('the CSV of a download', () => {
  const columns = ['a', 'b', 'c'];
  const csvOf = (rows: Record<string, string | number | null>[]) => [...downloadChunks(rows, columns, 'csv')].join('');
  const formulaStart = ['=', '+', '-', '@', '\t', '\r', "'"];

  it('writes every record exactly as csv-stringify does, for text that starts like no formula and for numbers', () => {
    const plain = fc.string({ unit: 'binary' }).filter((s) => !formulaStart.includes(s.charAt(0)));
    const field = fc.oneof(plain, fc.constantFrom('', '"', ',', '\n', 'a\r\n', ' a,"b"\r', '甲,乙"丙"'), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (records) => {
        const rows = records.map((r) => ({ a: r[0]!, b: r[1]!, c: r[2]! }));
        expect(csvOf(rows)).toBe(`\uFEFF${stringify([columns, ...records.map((r) => r.map((v) => v ?? ''))])}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('neutralizes a cell that starts like a formula, and reads back unchanged once one apostrophe is dropped', () => {
    const hostile = fc.tuple(fc.constantFrom(...formulaStart), fc.string({ unit: 'binary' })).map(([c, s]) => c + s);
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 3, maxLength: 3 }), ([a, b, c]) => {
        const cells = (parse(csvOf([{ a: a!, b: b!, c: c! }]), { bom: true }) as string[][])[1]!;
        for (const cell of cells) expect(cell.startsWith("'")).toBe(true);
        expect(cells.map((cell) => cell.slice(1))).toEqual([a, b, c]);
      }),
      { numRuns: 1000 },
    );
    expect(csvOf([{ a: '=HYPERLINK("http://evil.example")', b: -3, c: '-3' }])).toBe(`\uFEFFa,b,c\n"'=HYPERLINK(""http://evil.example"")",-3,'-3\n`);
  });
});
