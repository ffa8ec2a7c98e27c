import { isIP } from 'node:net';
import type { RequestMeta } from '../audit/events';
import { getEnv } from '../env';
import { PEER_ADDRESS_HEADER } from '../security/methods';
import { toWellFormed } from '../shared/text';

/**
 * The address recorded when the client's address is not known. Next does not give route handlers or server
 * actions the socket's address; the HTTP server stamps it into PEER_ADDRESS_HEADER (lib/security/method-guard.ts,
 * installed from instrumentation.ts). Without a trusted proxy that peer is the client, except when it is a
 * loopback address: then a proxy on this machine forwards everyone's requests (TRUST_PROXY=1 is missing), and
 * throttling that one address would lock everyone out, so it counts as unknown. Headers that claim an address
 * (X-Forwarded-For, X-Real-IP) are the client's own say-so and are read only with TRUST_PROXY=1.
 */
export const UNKNOWN_ADDRESS = 'unknown';

const trustsProxy = (): boolean => getEnv().TRUST_PROXY === '1';

const isLoopback = (address: string) => address === '::1' || address.startsWith('127.');

/**
 * The client's address for throttling and the audit trail. Behind a trusted proxy (TRUST_PROXY=1): the
 * right-most X-Forwarded-For entry, the one the proxy itself added (entries to its left are whatever the
 * client sent), only when it is an IP address. Otherwise the socket's peer as the HTTP server stamped it,
 * unless it is a loopback address.
 */
export function clientAddress(h: Headers, trustProxy = trustsProxy()): string {
  if (trustProxy) {
    const last = h.get('x-forwarded-for')?.split(',').at(-1)?.trim() ?? '';
    return isIP(last) ? last : UNKNOWN_ADDRESS;
  }
  const peer = h.get(PEER_ADDRESS_HEADER)?.trim() ?? '';
  return isIP(peer) && !isLoopback(peer) ? peer : UNKNOWN_ADDRESS;
}

/** The longest User-Agent the audit trail keeps, in characters. */
export const USER_AGENT_MAX = 256;

/**
 * What the audit trail records about the request behind an event: the client's address as trusted above
 * and the User-Agent, which is whatever the client sent: well-formed, without
 * control characters, at most USER_AGENT_MAX characters, left out when empty.
 */
export function requestMetaOf(h: Headers, trustProxy = trustsProxy()): RequestMeta {
  const userAgent = [...toWellFormed(h.get('user-agent') ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()].slice(0, USER_AGENT_MAX).join('');
  return { address: clientAddress(h, trustProxy), ...(userAgent ? { userAgent } : {}) };
}

/**
 * Request headers proxy.ts overrides (null: removed): without a trusted proxy a client-sent X-Forwarded-Host
 * is replaced by the Host header, so Next's server-action origin check (and anything else that reads it)
 * never trusts it.
 */
export function forwardingHeaderOverrides(h: Headers, trustProxy = trustsProxy()): Record<string, string | null> {
  if (trustProxy) return {};
  return { 'x-forwarded-host': h.get('host') };
}
