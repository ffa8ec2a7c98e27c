// Lengths of a submission period as Chinese procurement law counts them: from the day the documents are
// issued to the deadline, the first day not counted (民法典 Art. 201). Working days are Monday to Friday;
// statutory holidays and their make-up working days (the State Council's yearly calendar) are not known to
// the registry, so around a holiday the count can be a day or two longer than the law's.

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Calendar days from `from` (not counted) to `to` (counted); negative when `to` is earlier. */
export function calendarDays(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Monday-to-Friday days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDays(from: string, to: string): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end <= start) return 0;
  let count = 0;
  // 1970-01-01 was a Thursday: day n's weekday is (n + 4) mod 7, 0 = Sunday.
  for (let d = start + 1; d <= end; d++) {
    const weekday = (((d + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

export const periodLength = (from: string, to: string, unit: 'calendar' | 'working'): number => (unit === 'calendar' ? calendarDays(from, to) : workingDays(from, to));
