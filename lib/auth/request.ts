import { getEnv } from '../env';

/** The client's address for throttling and the audit trail; X-Forwarded-For only behind a trusted proxy. */
export function clientAddress(h: Headers): string {
  if (getEnv().TRUST_PROXY === '1') {
    const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return h.get('x-real-ip') ?? h.get('x-forwarded-for')?.split(',').at(-1)?.trim() ?? 'local';
}
