/** Money is stored in integer fen; shown in yuan (CNY) in the reader's locale. */
export function formatFen(fen: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(fen / 100);
}

/** Large sums in 万元 (zh) or in yuan with compact notation (en), for headline figures. */
export function formatFenCompact(fen: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', notation: 'compact', maximumFractionDigits: 1 }).format(fen / 100);
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A stored UTC instant in Beijing time, to the minute, in the reader's locale. */
export function formatDateTime(utcIso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(utcIso));
}
