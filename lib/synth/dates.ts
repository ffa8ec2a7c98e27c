// Dates as whole days since 1970-01-01 (UTC): cheap to compare and add, formatted through a cache.

const DAY_MS = 86_400_000;

export const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

const isoCache = new Map<number, string>();
export function isoDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

/** The last day of a term of `years` years starting on `day` (as lib/contracts/rules.ts counts it). */
export function termEnd(day: number, years: number): number {
  const d = new Date(day * DAY_MS);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return Math.floor(d.getTime() / DAY_MS) - 1;
}

export const yearOf = (day: number): number => Number(isoDay(day).slice(0, 4));

const pad2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** An ISO timestamp on `day` at a given second of the (UTC) day; office hours in Shanghai are 00:00–10:00 UTC. */
export function timestamp(day: number, secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${isoDay(day)}T${pad2[h]}:${pad2[m]}:${pad2[s]}.000Z`;
}
