import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

// Locale negotiation and redirects only. Never an access guard: every page, server action and route
// handler checks the session and permission itself.
export default createMiddleware(routing);

export const config = {
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
