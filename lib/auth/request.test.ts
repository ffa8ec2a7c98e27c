import { describe, expect, it } from 'vitest';
import { clientAddress, forwardingHeaderOverrides, requestMetaOf, UNKNOWN_ADDRESS, USER_AGENT_MAX } from './request';
import { parseEnv } from '../env';
import { PEER_ADDRESS_HEADER } from '../security/methods';

const h = (init: Record<string, string>) => new Headers(init);

describe('client address', () => {
  it('trusts no client header without TRUST_PROXY=1', () => {
    for (const headers of [{ 'x-real-ip': '203.0.113.9' }, { 'x-forwarded-for': '203.0.113.9' }, { 'x-forwarded-for': '=1+1' }, { 'x-real-ip': '=1+1', 'x-forwarded-for': '1.2.3.4, 5.6.7.8' }, {}] as Record<string, string>[]) {
      expect(clientAddress(h(headers), false), JSON.stringify(headers)).toBe(UNKNOWN_ADDRESS);
    }
  });

  it('behind a trusted proxy, takes the right-most X-Forwarded-For entry (the one the proxy added), only when it is an IP address', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '198.51.100.1, 203.0.113.9' }), true)).toBe('203.0.113.9');
    expect(clientAddress(h({ 'x-forwarded-for': '2001:db8::1' }), true)).toBe('2001:db8::1');
    // X-Real-IP is never read; the left-most entries are the client's own claims.
    expect(clientAddress(h({ 'x-real-ip': '198.51.100.7', 'x-forwarded-for': '10.0.0.1' }), true)).toBe('10.0.0.1');
    for (const forged of ['=1+1', '203.0.113.9, =1+1', '1.2.3.4 evil', 'unknown', '', '999.1.1.1', '<script>']) {
      expect(clientAddress(h({ 'x-forwarded-for': forged }), true), forged).toBe(UNKNOWN_ADDRESS);
    }
    expect(clientAddress(h({}), true)).toBe(UNKNOWN_ADDRESS);
  });

  it('without TRUST_PROXY=1, takes the socket peer the HTTP server stamped, unless it is a loopback address (a proxy on this machine)', () => {
    expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '198.51.100.1' }), false)).toBe('203.0.113.9');
    expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: '2001:db8::7' }), false)).toBe('2001:db8::7');
    for (const peer of ['127.0.0.1', '127.1.2.3', '::1', '=1+1', '']) {
      expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: peer }), false), peer).toBe(UNKNOWN_ADDRESS);
    }
    // Behind a trusted proxy the peer is the proxy: only X-Forwarded-For names the client.
    expect(clientAddress(h({ [PEER_ADDRESS_HEADER]: '10.0.0.2' }), true)).toBe(UNKNOWN_ADDRESS);
  });

  it('reads TRUST_PROXY from the environment by default', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe('0');
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.9' }))).toBe(UNKNOWN_ADDRESS);
  });
});

describe('forwarded host', () => {
  it('without TRUST_PROXY=1, a client-sent X-Forwarded-Host is replaced by the Host header', () => {
    expect(forwardingHeaderOverrides(h({ host: 'registry.example.gov.cn', 'x-forwarded-host': 'evil.example' }), false)).toEqual({ 'x-forwarded-host': 'registry.example.gov.cn' });
    expect(forwardingHeaderOverrides(h({ 'x-forwarded-host': 'evil.example' }), false)).toEqual({ 'x-forwarded-host': null });
    expect(forwardingHeaderOverrides(h({ host: 'registry.example.gov.cn', 'x-forwarded-host': 'evil.example' }), true)).toEqual({});
  });
});

describe('request metadata for the audit trail', () => {
  it('records the address as trusted and a well-formed, bounded user agent', () => {
    expect(requestMetaOf(h({ 'x-forwarded-for': '203.0.113.9', 'user-agent': 'Firefox/140' }), false)).toEqual({ address: UNKNOWN_ADDRESS, userAgent: 'Firefox/140' });
    expect(requestMetaOf(h({ 'x-forwarded-for': '198.51.100.1, 203.0.113.9' }), true)).toEqual({ address: '203.0.113.9' });
    // Header values are bytes (Latin-1 as JavaScript sees them): control bytes go, the rest is cut to length.
    const long = requestMetaOf(h({ 'user-agent': `A\u001b[31m\u007f\u0085${'é'.repeat(1000)}` }), false).userAgent!;
    expect([...long].length).toBe(USER_AGENT_MAX);
    expect(long.startsWith('A[31mé')).toBe(true);
    expect(requestMetaOf(h({ 'user-agent': '  ' }), false)).toEqual({ address: UNKNOWN_ADDRESS });
  });
});
