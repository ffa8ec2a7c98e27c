import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

type Query = Record<string, string | number | undefined>;

/**
 * Previous / next links that keep every other parameter of the query string (works without JavaScript); the
 * pages are read by `readPage` (lib/shared/paging.ts). A page with two lists pages each under its own
 * `param` and `label` (its landmark's name), and `fragment` brings the reader back to the list they paged.
 * Nothing shows while the list fits on one page.
 */
export async function Pager({ pathname, query, page, hasNext, param = 'page', fragment, label }: { pathname: string; query: Query; page: number; hasNext: boolean; param?: string; fragment?: string; label?: string }) {
  if (page === 1 && !hasNext) return null;
  const t = await getTranslations('pager');
  const href = (p: number) => ({
    pathname,
    query: Object.fromEntries(
      Object.entries({ ...query, [param]: p === 1 && param !== 'page' ? undefined : String(p) })
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => [k, String(v)]),
    ),
    ...(fragment ? { hash: fragment } : {}),
  });
  return (
    <nav aria-label={label ? t('labelOf', { list: label }) : t('label')} className="flex gap-3 text-sm" data-testid={`pager-${param}`}>
      {page > 1 ? <Link href={href(page - 1)} className="text-brand-700 underline" rel="prev">{t('previous')}</Link> : null}
      <span>{t('page', { page })}</span>
      {hasNext ? <Link href={href(page + 1)} className="text-brand-700 underline" rel="next">{t('next')}</Link> : null}
    </nav>
  );
}
