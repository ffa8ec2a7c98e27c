import { describe, expect, it } from 'vitest';
import { buildDocx, buildZip } from '../testing/zip';
import { ooxmlLimits, zipArchiveProblem } from './zip';

const text = (s: string) => new TextEncoder().encode(s);
const MB = 1024 * 1024;

describe('ZIP central directory checks (DOCX, XLSX)', () => {
  it('accepts an ordinary document', () => {
    const xml = text(`<w:document>${'<w:p><w:r><w:t>龙港市 一季度 报告</w:t></w:r></w:p>'.repeat(2000)}</w:document>`);
    expect(zipArchiveProblem(buildDocx(xml))).toBeNull();
  });

  it('refuses a document that inflates to 200 MB (a long run of zeros)', () => {
    const bomb = buildDocx(new Uint8Array(200 * MB));
    expect(bomb.length).toBeLessThan(1 * MB);
    expect(zipArchiveProblem(bomb)).toBe('too_large');
  }, 30_000); // deflating 200 MB is slow on a busy machine

  it('refuses an entry compressed more than 100:1, even when the total is small', () => {
    expect(zipArchiveProblem(buildDocx(new Uint8Array(20 * MB)))).toBe('ratio');
  });

  it('refuses more than 10,000 entries', () => {
    const entries = Array.from({ length: ooxmlLimits.maxEntries + 1 }, (_, i) => ({ name: `word/media/${i}.txt`, data: text('x') }));
    expect(zipArchiveProblem(buildZip(entries))).toBe('too_many_entries');
  });

  it('refuses what is not a well-formed ZIP: no end record, a directory outside the file, a truncated directory', () => {
    const good = buildDocx(text('<w:document/>'));
    expect(zipArchiveProblem(good.slice(0, good.length - 22))).toBe('malformed');
    const outside = good.slice();
    new DataView(outside.buffer).setUint32(outside.length - 22 + 16, 0x7fffffff, true);
    expect(zipArchiveProblem(outside)).toBe('malformed');
    const moreEntries = good.slice();
    new DataView(moreEntries.buffer).setUint16(moreEntries.length - 22 + 10, 40, true);
    expect(zipArchiveProblem(moreEntries)).toBe('malformed');
    expect(zipArchiveProblem(new Uint8Array(0))).toBe('malformed');
  });
});
