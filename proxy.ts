import createMiddleware from 'next-intl/middleware';
import { NextRequest } from 'next/server';
import { routing } from './lib/i18n/routing';
import { contentSecurityPolicy, isPrerendered, newNonce, originOf } from './lib/security/csp';

// Locale negotiation, redirects and the per-request CSP nonce. Never an access guard: every page, server
// action and route handler checks the session and permission itself.
const handleLocale = createMiddleware(routing);
const dev = process.env.NODE_ENV === 'development';
const formTargets = originOf(process.env.OIDC_ISSUER);

export default function proxy(request: NextRequest) {
  if (isPrerendered(request.nextUrl.pathname)) {
    const response = handleLocale(request);
    response.headers.set('Content-Security-Policy', contentSecurityPolicy({ dev, formTargets }));
    return response;
  }
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev, formTargets });
  // Next reads the nonce from the request's CSP header while rendering and puts it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = handleLocale(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
