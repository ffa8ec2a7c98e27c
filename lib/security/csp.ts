// Content-Security-Policy. Pages rendered per request get a fresh nonce: only scripts carrying it run
// ('strict-dynamic' lets them load Next's chunks), so injected markup cannot execute. Pages served whole
// from Next's page cache (rendered once, kept until the next write) cannot carry a per-request nonce:
// they get the same policy with this origin's and inline scripts instead. They show published data only,
// escaped by React, and read no session, cookie or query string.

/**
 * The public pages kept in the page cache, as routes under app/[locale]/(public): overview, about, API page,
 * one matter, contract or contractor. The one list: csp.test.ts reads the pages and fails unless these are
 * exactly the public pages that do not declare `dynamic = 'force-dynamic'` (the page files themselves must
 * spell `revalidate` as a literal, which Next reads at build time).
 */
export const PAGE_CACHED_ROUTES = ['/', '/about', '/api-docs', '/matters/[code]', '/contracts/[reference]', '/contractors/[id]'] as const;

/** A route as a pattern for paths under either locale: `[param]` matches one segment. */
const routePattern = (route: string): string => route.replace(/^\/$/, '').replace(/\[[^\]/]+\]/g, '[^/]+');
const prerendered = new RegExp(`^/(zh-CN|en)(${PAGE_CACHED_ROUTES.map(routePattern).join('|')})/?$`);

/** Whether a page path is served from prerendered HTML (no nonce possible). */
export const isPrerendered = (pathname: string) => prerendered.test(pathname);

/**
 * The policy for a page. `formTargets` are other origins a form may lead to: the single sign-on provider,
 * which the sign-in form's redirect reaches (browsers apply form-action to redirects too).
 */
export function contentSecurityPolicy({ nonce, dev = false, formTargets = [] }: { nonce?: string; dev?: boolean; formTargets?: readonly string[] } = {}): string {
  const scripts = nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  return [
    "default-src 'self'",
    `script-src ${[...scripts, ...(dev ? ["'unsafe-eval'"] : [])].join(' ')}`,
    // Style attributes (charts, widths) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action ${["'self'", ...formTargets].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A nonce of 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The origin of a URL, or nothing when it is missing or not a URL. */
export function originOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}
