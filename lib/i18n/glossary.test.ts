// The message catalogues against docs/glossary.md: one term per concept in each language (a rejected variant
// in the catalogue of its language fails, a chosen term missing from it too), and Chinese messages with
// full-width punctuation next to Chinese text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh-CN.json';

type Row = { concept: string; en: string[]; zh: string[]; rejectedEn: string[]; rejectedZh: string[] };

/** The glossary's table: rows of `| concept | en | zh | rejected en | rejected zh |`, terms in backticks. */
export function glossaryRows(markdown: string): Row[] {
  const terms = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| concept') && !line.startsWith('|---'))
    .map((line) => line.split('|').slice(1, -1).map((c) => c.trim()))
    .filter((cells) => cells.length === 5)
    .map(([concept, e, z, re, rz]) => ({ concept: concept!, en: terms(e!), zh: terms(z!), rejectedEn: terms(re!), rejectedZh: terms(rz!) }));
}

/** Every message of a catalogue, by its dotted key. */
const messages = (o: object, prefix = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? messages(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]]));

/** Keys whose message contains the term (English: as a word, in any case). */
function keysWith(catalogue: [string, string][], term: string, lang: 'en' | 'zh'): string[] {
  const re = lang === 'en' ? new RegExp(`\\b${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i') : null;
  return catalogue.filter(([, text]) => (re ? re.test(text) : text.includes(term))).map(([key]) => key);
}

const cjk = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
const halfWidth = '[:(),;?!]';
/** A half-width mark with Chinese text right before or after it (one space allowed between). */
const halfWidthNextToChinese = new RegExp(`${cjk} ?${halfWidth}|${halfWidth} ?${cjk}`, 'u');

/** The half-width marks next to Chinese text in a message, ICU placeholders left out (`{count, plural, …}` keeps its comma). */
export function halfWidthMistakes(text: string): string[] {
  const withoutArguments = text.replace(/\{\s*[A-Za-z0-9_]+\s*(,\s*[a-z]+\s*,?)?/g, '{');
  const found: string[] = [];
  const re = new RegExp(halfWidthNextToChinese.source, 'gu');
  for (const m of withoutArguments.matchAll(re)) found.push(m[0]);
  return found;
}

const glossary = glossaryRows(readFileSync(path.join(__dirname, '..', '..', 'docs', 'glossary.md'), 'utf8'));
const catalogues = { en: messages(en), zh: messages(zh) };

describe('glossary', () => {
  it('has its table', () => {
    expect(glossary.length).toBeGreaterThan(10);
    for (const row of glossary) expect([row.concept, row.en.length, row.zh.length]).toEqual([row.concept, 1, 1]);
  });

  for (const row of glossary) {
    it(`${row.concept}: ${row.en[0]} / ${row.zh[0]}, and no rejected variant`, () => {
      expect(keysWith(catalogues.en, row.en[0]!, 'en'), `en uses "${row.en[0]}"`).not.toEqual([]);
      expect(keysWith(catalogues.zh, row.zh[0]!, 'zh'), `zh uses "${row.zh[0]}"`).not.toEqual([]);
      for (const variant of row.rejectedEn) expect(keysWith(catalogues.en, variant, 'en'), `en says "${variant}" instead of "${row.en[0]}"`).toEqual([]);
      for (const variant of row.rejectedZh) expect(keysWith(catalogues.zh, variant, 'zh'), `zh says "${variant}" instead of "${row.zh[0]}"`).toEqual([]);
    });
  }

  it('reads a rejected variant where it stands', () => {
    const sample: [string, string][] = [['a.b', '该里程碑已标记'], ['a.c', 'The audit log'], ['a.d', 'Catalogue']];
    expect(keysWith(sample, '里程碑', 'zh')).toEqual(['a.b']);
    expect(keysWith(sample, 'audit log', 'en')).toEqual(['a.c']);
    expect(keysWith(sample, 'talog', 'en')).toEqual([]);
  });
});

describe('Chinese punctuation', () => {
  it('finds half-width marks next to Chinese text, and leaves placeholders, URLs, times and numbers alone', () => {
    expect(halfWidthMistakes('状态: 履行中')).toEqual(['态:']);
    expect(halfWidthMistakes('王五(管理员)')).toEqual(['五(', '员)']);
    expect(halfWidthMistakes('甲,乙')).toEqual(['甲,']);
    expect(halfWidthMistakes('{count, plural, =0 {暂无评价} other {共 # 次评价}}')).toEqual([]);
    expect(halfWidthMistakes('{department}，{name}：见 https://example.org/a,b（+08:00，100:1，2,000 字）')).toEqual([]);
  });

  it('every Chinese message uses full-width punctuation next to Chinese text', () => {
    const mistakes = catalogues.zh.map(([key, text]) => [key, halfWidthMistakes(text)] as const).filter(([, m]) => m.length > 0);
    expect(mistakes).toEqual([]);
  });
});
