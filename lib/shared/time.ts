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
