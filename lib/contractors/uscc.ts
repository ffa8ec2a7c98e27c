// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character alphabet
// (no I, O, Z, S, V); the last is a check character over the first 17.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or null when one of them is not in the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem = 'length' | 'character' | 'check';

/** Why a code is not a valid unified social credit code, or null when it is. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  if (![...code].every((c) => USCC_ALPHABET.includes(c))) return 'character';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === null;
