import createMiddleware from 'next-intl/middleware';
import { NextRequest } from 'next/server';
import { forwardingHeaderOverrides } from './lib/auth/request';
import { getEnv } from './lib/env';
import { routing } from './lib/i18n/routing';
import { contentSecurityPolicy, isPrerendered, newNonce, originOf } from './lib/security/csp';

// Locale negotiation, redirects and the per-request CSP nonce. Never an access guard: every page, server
// action and route handler checks the session and permission itself.
const handleLocale = createMiddleware(routing);
/** From the environment parsed once (lib/env.ts), on the first request. */
const policyOptions = () => {
  const env = getEnv();
  return { dev: env.NODE_ENV === 'development', formTargets: originOf(env.OIDC_ISSUER) };
};

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

export default function proxy(request: NextRequest) {
  if (isPrerendered(request.nextUrl.pathname)) {
    const response = handleLocale(withTrustedHeaders(request));
    response.headers.set('Content-Security-Policy', contentSecurityPolicy(policyOptions()));
    return response;
  }
  const policy = contentSecurityPolicy({ nonce: newNonce(), ...policyOptions() });
  // Next reads the nonce from the request's CSP header while rendering and puts it on its own scripts.
  const headers = requestHeaders(request);
  headers.set('Content-Security-Policy', policy);
  const response = handleLocale(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
