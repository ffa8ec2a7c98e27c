/** Money is stored in integer fen; shown in yuan (CNY) in the reader's locale. */
export function formatFen(fen: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(fen / 100);
}

/**
 * Money in summaries — the overview's cards and charts, anywhere a sum is read at a glance — one format per
 * locale (docs/formats.md):
 * - zh-CN: in 万元 from ten thousand yuan up, to at most one decimal ("10,720万元", "2,920.1万元"), in 元
 *   below ("9,500元");
 * - en: in millions of yuan from a million up, to at most one decimal ("CN¥107.2 million", the yuan sign as in exact amounts), whole yuan below
 *   ("CN¥195,900").
 * Exact amounts (a contract's value, a payment) use formatFen.
 */
export function formatMoney(fen: number, locale: string): string {
  const yuan = fen / 100;
  const oneDecimal = (n: number, loc: string) => new Intl.NumberFormat(loc, { maximumFractionDigits: 1 }).format(n);
  if (locale === 'zh-CN') {
    return Math.abs(yuan) >= 10_000 ? `${oneDecimal(yuan / 10_000, 'zh-CN')}万元` : `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(yuan)}元`;
  }
  return Math.abs(yuan) >= 1_000_000
    ? `CN¥${oneDecimal(yuan / 1_000_000, 'en')} million`
    : `CN¥${new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(yuan)}`;
}

/** A part of a whole as a percentage to one decimal in the reader's locale; a dash when the whole is zero. */
export function formatShare(part: number, whole: number, locale: string): string {
  return whole === 0 ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A stored UTC instant in Beijing time, to the minute, in the reader's locale. */
export function formatDateTime(utcIso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(utcIso));
}

/** A measured value (a target, a result: 240 enterprises, 95.5 %, 3.25 hours) in the reader's locale, to at most two decimals. */
export function formatMeasure(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
}
