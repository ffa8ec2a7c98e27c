import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET, isValidUscc, usccCheckCharacter, usccProblem } from './uscc';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts a known valid code', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('rejects every single-character change of a valid code', () => {
    const valid = '91350100M000100Y43';
    let tried = 0;
    for (let i = 0; i < valid.length; i++) {
      for (const c of USCC_ALPHABET) {
        if (c === valid[i]) continue;
        const changed = valid.slice(0, i) + c + valid.slice(i + 1);
        expect(isValidUscc(changed), changed).toBe(false);
        tried++;
      }
    }
    expect(tried).toBe(18 * 30);
  });

  it('handles the check character 0 (sum divisible by 31)', () => {
    // Search the first 17 characters that sum to 0 mod 31: the check is alphabet[(31 - 0) % 31] = '0'.
    const stem = '9133038300000000';
    const last = [...USCC_ALPHABET].find((c) => usccCheckCharacter(stem + c) === '0')!;
    expect(last).toBeDefined();
    expect(isValidUscc(`${stem}${last}0`)).toBe(true);
    expect(isValidUscc(`${stem}${last}1`)).toBe(false);
  });

  it('says why a code is wrong', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('length');
    expect(usccProblem('91350100M000100I43')).toBe('character');
    expect(usccProblem('91350100M000100Y44')).toBe('check');
    expect(usccProblem('91350100m000100y43')).toBe('character');
  });
});
