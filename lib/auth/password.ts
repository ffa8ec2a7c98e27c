import { hash, hashSync, verify } from '@node-rs/argon2';
import commonPasswords from 'fxa-common-password-list';
import { z } from 'zod';

/** NIST SP 800-63B: length 8–128, no composition rules, refuse the passwords attackers try first. */
export const passwordSchema = z
  .string({ error: 'required' })
  .min(8, 'password_too_short')
  .max(128, 'password_too_long')
  .refine((p) => !commonPasswords.test(p) && !commonPasswords.test(p.toLowerCase()), 'password_common');

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 hashes with argon2id (its default algorithm), m=19 MiB, t=2, p=1 (OWASP's minimum).
  return hash(password);
}

// Verified when the account does not exist, so a missing account takes as long as a wrong password.
let dummyHash: string | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (dummyHash ??= hashSync('no account has this password')), password);
  } catch {
    return false;
  }
}
