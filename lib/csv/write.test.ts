import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvChunks, csvField, csvRecord, csvRecordOf, restoreCsvCell, type CsvCell } from './write';

/** The characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const formulaStart = ['=', '+', '-', '@', '\t', '\r'];
const neutralizedStart = [...formulaStart, "'"];

/** Any string, often one that starts with a formula character or an apostrophe. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.tuple(fc.constantFrom(...neutralizedStart), fc.string({ unit: 'binary' })).map(([c, s]) => c + s),
  fc.constantFrom('', "'", "''", '=', '-', '=1+2', '=HYPERLINK("http://evil.example","点我")', '@SUM(A1:A2)', '+86 138', '-5', '\t=1', '\r=1', "'=1", ' =1', '甲,乙"丙"'),
);
/** Strings that no rule touches: the output must be csv-stringify's. */
const plainString = fc.string({ unit: 'binary' }).filter((s) => !neutralizedStart.includes(s.charAt(0)));
const numbers = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** Parses CSV text as the catalogue import does (csv-parse, default options) and restores every cell. */
const readBack = (csv: string) => (parse(csv, { relax_column_count: true }) as string[][]).map((r) => r.map(restoreCsvCell));

describe('the CSV writer', () => {
  it('neutralizes formula-leading text and escapes a leading apostrophe', () => {
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvField('+86 138')).toBe("'+86 138");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField("'quoted")).toBe("''quoted");
    expect(csvField("'")).toBe("''");
    // Not at the start, or after a space: left alone.
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(' =1')).toBe(' =1');
  });

  it('never prefixes a number, and writes nothing for null and undefined', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvRecord(['a', -1, null, '-1'])).toBe("a,-1,,'-1\n");
    expect(csvRecordOf({ a: '=x', b: 2 }, ['b', 'a', 'missing'])).toBe("2,'=x,\n");
  });

  it('(a) reads back as the original: written, parsed by csv-parse, one leading apostrophe dropped', () => {
    fc.assert(
      fc.property(fc.array(anyString, { minLength: 1, maxLength: 4 }), (fields) => {
        // A last plain field keeps a record of one empty field from being an empty line.
        expect(readBack(csvRecord([...fields, 'end']))).toEqual([[...fields, 'end']]);
      }),
      { numRuns: 3000 },
    );
  });

  it('(b) leaves no cell that starts with = + - @ TAB or CR once parsed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyString, numbers.map((n) => String(n))), { minLength: 1, maxLength: 4 }), (fields) => {
        const cells = (parse(csvRecord([...fields, 'end'])) as string[][])[0]!;
        for (const cell of cells) expect(formulaStart, JSON.stringify(cell)).not.toContain(cell.charAt(0));
      }),
      { numRuns: 3000 },
    );
  });

  it('(c) writes text that starts with none of those characters, and every number, exactly as csv-stringify does', () => {
    const field: fc.Arbitrary<CsvCell> = fc.oneof(plainString, fc.constantFrom('', '"', ',', '\n', 'a\r\n', ' a,"b"\r', '甲,乙"丙"', 'a=b'), numbers, fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (records) => {
        expect(records.map((r) => csvRecord(r)).join('')).toBe(stringify(records.map((r) => r.map((v) => v ?? ''))));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes any text as csv-stringify writes it with the apostrophe put in front', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const expected = neutralizedStart.includes(s.charAt(0)) ? `'${s}` : s;
        expect(csvRecord([s, 1])).toBe(stringify([[expected, 1]]));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a whole file in pieces: BOM, header row, then records a few hundred at a time', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ n: i, name: i === 3 ? '=cmd|"/c calc"!A1' : `row ${i}` }));
    const pieces = [...csvChunks(rows, ['n', 'name'], 2)];
    expect(pieces).toHaveLength(4);
    expect(pieces[0]).toBe(`${CSV_BOM}n,name\n`);
    const text = pieces.join('');
    expect(text).toContain(`3,"'=cmd|""/c calc""!A1"\n`);
    expect(readBack(text.slice(1)).slice(1)).toEqual(rows.map((r) => [String(r.n), r.name]));
    expect([...csvChunks([], ['a'])]).toEqual([`${CSV_BOM}a\n`]);
  });
});
