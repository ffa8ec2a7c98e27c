import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const production = { REGISTRY_MODE: 'production', AUTH_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://registry.example.gov.cn/', PUBLISHER_NAME: '龙港市人民政府办公室', PUBLISHER_CREDIT_CODE: '11330383MB00000008' };

describe('open-data configuration', () => {
  it('production needs a public URL that is not a loopback address, and a publisher', () => {
    expect(parseEnv(production).PUBLIC_URL).toBe('https://registry.example.gov.cn');
    for (const url of [undefined, 'http://localhost:3000', 'http://127.0.0.1', 'http://[::1]:3000', 'http://app.localhost']) {
      expect(() => parseEnv({ ...production, PUBLIC_URL: url }), String(url)).toThrow(/PUBLIC_URL/);
    }
    expect(() => parseEnv({ ...production, PUBLIC_URL: 'ftp://registry.example.gov.cn' })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ ...production, PUBLISHER_NAME: undefined })).toThrow(/PUBLISHER_NAME/);
    expect(() => parseEnv({ ...production, PUBLISHER_CREDIT_CODE: '11330383MB00000009' })).toThrow(/PUBLISHER_CREDIT_CODE/);
  });

  it('demo mode defaults to the local address and a fictional publisher; the licence defaults to CC BY 4.0', () => {
    const env = parseEnv({ PORT: '3456' });
    expect(env.PUBLIC_URL).toBe('http://localhost:3456');
    expect(env.PUBLISHER_CREDIT_CODE).toBe('11330383MB00000008');
    expect(env.OCDS_LICENSE).toBe('https://creativecommons.org/licenses/by/4.0/');
  });
});

describe('proxy headers', () => {
  it('refuses AUTH_TRUST_HOST (next-auth trusting X-Forwarded-Host) unless TRUST_PROXY=1', () => {
    expect(() => parseEnv({ AUTH_TRUST_HOST: 'true' })).toThrow(/AUTH_TRUST_HOST/);
    expect(parseEnv({ AUTH_TRUST_HOST: 'true', TRUST_PROXY: '1' }).TRUST_PROXY).toBe('1');
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});
