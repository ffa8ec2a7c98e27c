// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const https = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

// The default policy, for responses the proxy does not handle (route handlers, files). Pages get theirs
// from proxy.ts, with a per-request script nonce (lib/security/csp.ts); the proxy's header replaces this one.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths (a regular expression, without the leading slash) whose responses carry their own Content-Security-Policy. */
const ownPolicyPaths = ['api/attachments(?:/|$)', 'api/contractors/[^/]+/documents(?:/|$)'].join('|');

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(https ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addons are required at run time, never bundled.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  poweredByHeader: false,
  // Next's own trailing-slash redirect leaves out the headers below: proxy.ts redirects pages instead, and
  // they get them. The API and files answer at either address, with their headers.
  skipTrailingSlashRedirect: true,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Attachment downloads (and the contractor documents route) set their own, stricter policy
      // (default-src 'none'; sandbox: lib/attachments/download.ts); a header from here would replace it.
      { source: `/((?!${ownPolicyPaths}).*)`, headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
