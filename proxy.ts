import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { forwardingHeaderOverrides } from './lib/auth/request';
import { getEnv } from './lib/env';
import { routing } from './lib/i18n/routing';
import { alternateLinks } from './lib/i18n/alternate-links';
import { contentSecurityPolicy, isPrerendered, newNonce, originOf } from './lib/security/csp';
import { PAGE_METHODS } from './lib/security/methods';

// Locale negotiation, redirects, the per-request CSP nonce, and refusals of requests Next itself would
// answer with a bare 500 (a method no page has, a server action from another site or too large). Never an
// access guard: every page, server action and route handler checks the session and permission itself.

// next-intl's own Link header (hreflang alternates) is built from the request's Host and X-Forwarded-*
// headers, which the client chooses; the proxy builds it from PUBLIC_URL instead.
const handleLocale = createMiddleware({ ...routing, alternateLinks: false });
/** From the environment parsed once (lib/env.ts), on the first request. */
const policyOptions = () => {
  const env = getEnv();
  return { dev: env.NODE_ENV === 'development', formTargets: originOf(env.OIDC_ISSUER) };
};

/** Next's limit on a server action's body (serverActions.bodySizeLimit, default 1 MB = 1,048,576 bytes). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/** The request's headers with the forwarding headers no trusted proxy vouches for replaced (lib/auth/request.ts). */
function requestHeaders(request: NextRequest): Headers {
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(forwardingHeaderOverrides(request.headers))) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return headers;
}

/** The request as it may go on: unchanged unless a forwarding header had to be replaced. */
function withTrustedHeaders(request: NextRequest): NextRequest {
  const changed = Object.entries(forwardingHeaderOverrides(request.headers)).some(([name, value]) => request.headers.get(name) !== value);
  return changed ? new NextRequest(request, { headers: requestHeaders(request) }) : request;
}

const refuse = (status: number, message: string, headers: Record<string, string> = {}) =>
  new NextResponse(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });

/** The host of an Origin header, or null when it is missing, `null` (an opaque origin) or not a URL. */
function originHost(origin: string | null): string | null {
  if (!origin || origin === 'null') return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * A page request refused before Next handles it, or null. A POST to a page is a server action (with
 * JavaScript it carries a Next-Action header, without it is a plain form post): it must come from this
 * host, the way Next's own check compares Origin with X-Forwarded-Host (as lib/auth/request.ts trusts it)
 * or Host, except that a missing Origin is refused too (every browser sends one with a POST), and its body
 * must fit Next's limit. Next refuses the first with a bare 500, lets the second through, and answers the
 * third with a 500.
 */
export function pageRefusal(request: NextRequest, trusted: Headers = requestHeaders(request)): NextResponse | null {
  const method = request.method.toUpperCase();
  if (!(PAGE_METHODS as readonly string[]).includes(method)) return refuse(405, 'Method not allowed.', { Allow: PAGE_METHODS.join(', ') });
  if (method !== 'POST') return null;
  const from = originHost(request.headers.get('origin'));
  const host = trusted.get('x-forwarded-host')?.split(',')[0]?.trim() || trusted.get('host');
  if (!from || !host || from !== host.toLowerCase()) return refuse(403, 'Refused: this form was not sent from this site.');
  const length = request.headers.get('content-length');
  if (length !== null && Number(length) > ACTION_BODY_LIMIT) return refuse(413, 'Refused: the form is larger than 1 MB.');
  return null;
}

/**
 * `/path/` → `/path` (308), here rather than by Next (skipTrailingSlashRedirect in next.config.js): Next's
 * own redirect leaves out the headers of next.config.js, this one gets them. The API and files, which the
 * proxy does not see, answer at either address, with their headers.
 */
export function trailingSlashRedirect(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (pathname === '/' || !pathname.endsWith('/')) return null;
  // A plain URL: a NextURL keeps the trailing slash it was parsed with and puts it back.
  const url = new URL(request.nextUrl.href);
  url.pathname = pathname.replace(/\/+$/, '') || '/';
  return NextResponse.redirect(url, 308);
}

export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const early = pageRefusal(request) ?? trailingSlashRedirect(request);
  if (early) return early;
  const response = isPrerendered(pathname) ? servePrerendered(request) : renderWithNonce(request);
  if (!response.headers.has('location')) {
    const links = alternateLinks(pathname, getEnv().PUBLIC_URL);
    if (links) response.headers.set('Link', links);
  }
  return response;
}

/** A page from the page cache: no per-request nonce possible (lib/security/csp.ts). */
function servePrerendered(request: NextRequest): NextResponse {
  const response = handleLocale(withTrustedHeaders(request));
  response.headers.set('Content-Security-Policy', contentSecurityPolicy(policyOptions()));
  return response;
}

function renderWithNonce(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy({ nonce: newNonce(), ...policyOptions() });
  // Next reads the nonce from the request's CSP header while rendering and puts it on its own scripts.
  const headers = requestHeaders(request);
  headers.set('Content-Security-Policy', policy);
  const response = handleLocale(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

// Pages: everything but the API, Next's own files and file names. (A second matcher for other paths with a
// trailing slash does not work: Next matches again without the slash before calling the proxy, and answers
// an empty 200 when that fails.)
export const config = {
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
