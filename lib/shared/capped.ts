/** A list shown up to a limit, with the number of everything that matches. */
export type Capped<T> = { items: T[]; total: number };

/** `items` read with `limit`; `countAll` runs only when the list is full (otherwise the list is everything). */
export function capped<T>(items: T[], limit: number, countAll: () => number): Capped<T> {
  return { items, total: items.length < limit ? items.length : countAll() };
}
