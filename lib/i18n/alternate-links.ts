import { routing } from './routing';

/**
 * The `Link` header of a page: its address in every language, and the unprefixed address (which opens the
 * default language) as x-default, the way next-intl writes it — but from the registry's configured public
 * address (PUBLIC_URL), never from the request's Host or X-Forwarded-* headers, which the client chooses and
 * a shared cache would keep. Null for a path without a locale.
 */
export function alternateLinks(pathname: string, publicUrl: string): string | null {
  const [, first, ...rest] = pathname.split('/');
  if (!(routing.locales as readonly string[]).includes(first ?? '')) return null;
  const base = publicUrl.replace(/\/+$/, '');
  const tail = rest.length && rest.some(Boolean) ? `/${rest.join('/')}` : '';
  const entry = (path: string, hreflang: string) => `<${base}${path}>; rel="alternate"; hreflang="${hreflang}"`;
  return [...routing.locales.map((locale) => entry(`/${locale}${tail}`, locale)), entry(tail || '/', 'x-default')].join(', ');
}
