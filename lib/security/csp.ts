// Content-Security-Policy. Pages rendered per request get a fresh nonce: only scripts carrying it run
// ('strict-dynamic' lets them load Next's chunks), so injected markup cannot execute. Pages served whole
// from Next's page cache (rendered once, kept until the next write) cannot carry a per-request nonce:
// they get the same policy with this origin's and inline scripts instead. They show published data only,
// escaped by React, and read no session, cookie or query string.

/** The public pages kept in the page cache: overview, about, API page, one matter, contract or contractor. */
export const PRERENDERED_PAGES: readonly RegExp[] = [/^\/(zh-CN|en)(\/(about|api-docs|matters\/[^/]+|contracts\/[^/]+|contractors\/[^/]+))?\/?$/];

/** Whether a page path is served from prerendered HTML (no nonce possible). */
export const isPrerendered = (pathname: string) => PRERENDERED_PAGES.some((re) => re.test(pathname));

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
