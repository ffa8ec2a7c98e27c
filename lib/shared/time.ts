let recordedClock: (() => Date) | null = null;

/**
 * The time business records carry (submitted, reviewed, approved…). Only the sample-data loader moves
 * it, to enter past work with the dates it happened; the audit trail always records the real time.
 */
export function withRecordedTime<T>(at: Date, fn: () => T): T {
  const previous = recordedClock;
  recordedClock = () => at;
  try {
    return fn();
  } finally {
    recordedClock = previous;
  }
}

/** Now as a UTC ISO-8601 string, the only form timestamps are stored in. */
export const nowIso = (now: Date = recordedClock?.() ?? new Date()): string => now.toISOString();

/** Today's date in Asia/Shanghai as YYYY-MM-DD: "today" for a registry of a Chinese city. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A stored UTC instant as the same instant with Beijing time's offset (UTC+8, no daylight saving), to the
 * second: `2026-03-01T23:30:00.000Z` → `2026-03-02T07:30:00+08:00`. Open data shows Beijing dates.
 */
export function toShanghaiOffset(utcIso: string): string {
  const ms = Date.parse(utcIso);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${utcIso}`);
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The Beijing calendar day (YYYY-MM-DD) of a stored UTC instant. */
export const shanghaiDate = (utcIso: string): string => toShanghaiOffset(utcIso).slice(0, 10);
