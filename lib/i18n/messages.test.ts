import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh-CN.json';
import { auditActions } from '../audit/events';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

const leaves = (o: object): unknown[] => Object.values(o).flatMap((v) => (v && typeof v === 'object' ? leaves(v) : [v]));

describe('messages', () => {
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
