import { z } from 'zod';
import { toWellFormed } from './text';

const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Search text as typed, made safe for the full-text index: control characters become spaces (a NUL ends
 * FTS5's string syntax: "unterminated string"), lone surrogates U+FFFD, and the ends are trimmed.
 */
export function cleanSearchText(s: string): string {
  return toWellFormed(s).replace(controlCharacters, ' ').trim();
}

/** A search field of at most `max` characters, cleaned; `min: 1` refuses one that is empty once cleaned. */
export const searchText = ({ min = 0, max = 100 }: { min?: number; max?: number } = {}) => z.string().transform(cleanSearchText).pipe(z.string().min(min).max(max));
