import { describe, expect, it } from 'vitest';
import { formatFen, formatMoney, formatShare } from './format';

describe('formatMoney: one summary format per locale (docs/formats.md)', () => {
  it('Chinese: 万元 from ten thousand yuan up, 元 below', () => {
    expect(formatMoney(10_720_000_000, 'zh-CN')).toBe('10,720万元');
    expect(formatMoney(2_920_100_000, 'zh-CN')).toBe('2,920.1万元');
    expect(formatMoney(19_590_000, 'zh-CN')).toBe('19.6万元');
    expect(formatMoney(1_000_000, 'zh-CN')).toBe('1万元');
    expect(formatMoney(950_000, 'zh-CN')).toBe('9,500元');
    expect(formatMoney(0, 'zh-CN')).toBe('0元');
  });

  it('English: millions of yuan from a million up, whole yuan below', () => {
    expect(formatMoney(10_720_000_000, 'en')).toBe('CN¥107.2 million');
    expect(formatMoney(100_000_000, 'en')).toBe('CN¥1 million');
    expect(formatMoney(19_590_000, 'en')).toBe('CN¥195,900');
    expect(formatMoney(0, 'en')).toBe('CN¥0');
  });

  it('exact amounts keep fen', () => {
    expect(formatFen(19_590_050, 'en')).toBe('CN¥195,900.50');
  });
});

describe('formatShare', () => {
  it('shows a part of a whole as a percentage in the reader’s locale, and a dash for an empty whole', () => {
    expect(formatShare(1, 3, 'en')).toBe('33.3%');
    expect(formatShare(1, 3, 'zh-CN')).toBe('33.3%');
    expect(formatShare(0, 0, 'en')).toBe('—');
  });
});
