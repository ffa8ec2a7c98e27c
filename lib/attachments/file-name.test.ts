import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayFileName, fileNameProblem } from './file-name';

const bidiControls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

describe('file names with bidirectional controls', () => {
  it('refuses every bidirectional control: "invoice\\u202Egnp.txt" would read as a .png', () => {
    expect(fileNameProblem('invoice\u202egnp.txt')).toBe('name_bidi');
    for (const c of bidiControls) expect(fileNameProblem(`report${c}.pdf`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('name_bidi');
    expect(fileNameProblem('一季度报告 report.pdf')).toBeNull();
    expect(fileNameProblem('تقرير.pdf')).toBeNull();
  });

  it('shows a name without them (names stored before they were refused)', () => {
    expect(displayFileName('invoice\u202egnp.txt')).toBe('invoicegnp.txt');
    expect(displayFileName('一季度 report.pdf')).toBe('一季度 report.pdf');
  });

  it('every place in app/ that shows an attachment name isolates it (<FileName>: <bdi>)', () => {
    const root = path.join(__dirname, '..', '..', 'app');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    const shown: string[] = [];
    for (const f of files) {
      const text = readFileSync(path.join(root, f), 'utf8');
      for (const m of text.matchAll(/(?<!=)\{[\w.?]*\bfileName\}/g)) shown.push(`${f}: ${m[0]}`);
    }
    expect(shown).toEqual([]);
    expect(readFileSync(path.join(root, '_components', 'file-name.tsx'), 'utf8')).toMatch(/<bdi[^>]*>\{displayFileName\(name\)\}<\/bdi>/);
  });
});
