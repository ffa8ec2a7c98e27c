import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh-CN.json';
import { auditActions } from '../audit/events';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

const leaves = (o: object): unknown[] => Object.values(o).flatMap((v) => (v && typeof v === 'object' ? leaves(v) : [v]));

/** Keys that stand twice in one object of a JSON text (JSON.parse keeps the last silently), as `path.key`. */
export function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: { keys: Set<string> | null; path: string }[] = [];
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = JSON.parse(text.slice(i, j + 1)) as string;
      i = j;
    } else if (c === ':') {
      const top = stack.at(-1)!;
      if (top.keys!.has(lastString!)) found.push(`${top.path}${lastString}`);
      top.keys!.add(lastString!);
      pendingKey = lastString;
    } else if (c === '{' || c === '[') {
      stack.push({ keys: c === '{' ? new Set() : null, path: `${stack.at(-1)?.path ?? ''}${pendingKey ?? ''}${pendingKey ? '.' : ''}` });
      pendingKey = null;
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') pendingKey = null;
  }
  return found;
}

describe('messages', () => {
  it('no key stands twice in one object (JSON.parse would keep the last one silently)', () => {
    for (const file of ['en.json', 'zh-CN.json']) expect(duplicateKeys(readFileSync(path.join(__dirname, '..', '..', 'messages', file), 'utf8')), file).toEqual([]);
    expect(duplicateKeys('{"a": {"b": 1, "c": {"b": 2}, "b": 3}, "d": [{"e": 1}, {"e": 2}]}')).toEqual(['a.b']);
  });
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
  it('no key contains a dot (next-intl reads dots as nesting, so such a message could never be shown)', () => {
    const dotted = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => [...(k.includes('.') ? [k] : []), ...(v && typeof v === 'object' ? dotted(v) : [])]);
    expect([...dotted(en), ...dotted(zh)]).toEqual([]);
  });
  it('every audit action has a label in both languages', () => {
    const all = new Set(keys(zh));
    expect(auditActions.filter((a) => !all.has(`auditActions.${a}`))).toEqual([]);
  });
  it('no message is empty', () => {
    for (const v of [...leaves(en), ...leaves(zh)]) expect(typeof v === 'string' && v.trim().length > 0).toBe(true);
  });
  it('the Chinese messages are in Chinese', () => {
    const chinese = leaves(zh).filter((v) => typeof v === 'string' && /[\u4e00-\u9fff]/.test(v));
    expect(chinese.length / leaves(zh).length).toBeGreaterThan(0.8);
  });
});
