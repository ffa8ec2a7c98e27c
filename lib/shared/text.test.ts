import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { signInWithPassword } from '../auth/sign-in';
import { buildFixture } from '../testing/fixture';
import { isPlainText, toWellFormed } from './text';
import { requiredText } from './zod';

describe('plain text', () => {
  it('keeps ordinary text, line breaks, right-to-left and zero-width characters', () => {
    for (const s of ['污染源巡查', 'Line one\nline two\r\n\tindented', 'שלום عربي', 'a\u200db\u200f', '👩‍👩‍👧']) expect(isPlainText(s), s).toBe(true);
  });

  it('refuses NUL, other control characters and lone surrogates', () => {
    for (const s of ['a\u0000b', 'bell\u0007', 'esc\u001b[31m', 'del\u007f', 'c1\u0085', 'lone \ud800', 'lone \udfff end', '\udc00\ud800']) expect(isPlainText(s), JSON.stringify(s)).toBe(false);
    expect(requiredText(10).safeParse('a\u0000').success).toBe(false);
  });

  it('replaces lone surrogates and keeps pairs', () => {
    expect(toWellFormed('a\ud800b\udc00 😀')).toBe('a\ufffdb\ufffd 😀');
  });

  // Found by the fuzz test: a sign-in attempt whose email held a lone surrogate was audited with the raw
  // string hashed but SQLite storing a replacement character, so the audit chain no longer verified.
  it('a hostile sign-in email leaves the audit chain verifiable', async () => {
    const f = buildFixture();
    const r = await signInWithPassword(f.db, { email: 'x\ud800@test.example', password: 'wrong password', address: '10.0.0.1' });
    expect(r.ok).toBe(false);
    expect(verifyAuditChain(f.db.$client).ok).toBe(true);
  });
});
