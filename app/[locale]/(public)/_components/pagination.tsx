import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

type Query = Record<string, string | undefined>;

/**
 * Previous / next links that keep every filter in the URL: plain links, no JavaScript. `pageCount` null: the
 * count was capped, the number of pages is not known; `hasNext` says whether there is a next one.
 */
export async function Pagination({ pathname, query, page, pageCount, hasNext }: { pathname: '/matters' | '/contractors'; query: Query; page: number; pageCount: number | null; hasNext?: boolean }) {
  const next = pageCount === null ? !!hasNext : page < pageCount;
  if (page <= 1 && !next) return null;
  const t = await getTranslations('public.pagination');
  const href = (p: number) => ({ pathname, query: clean({ ...query, page: p > 1 ? String(p) : undefined }) });
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:bg-brand-50">
          {t('previous')}
        </Link>
      ) : null}
      <span aria-current="page">{pageCount === null ? t('page', { page }) : t('pageOf', { page, pageCount })}</span>
      {next ? (
        <Link href={href(page + 1)} rel="next" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-brand-700 hover:bg-brand-50">
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
}

/** Drops empty parameters so that equal filters give equal URLs. */
export function clean(query: Query): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

/** The 1-based page number from `?page=`, clamped to at least 1. */
export function pageNumber(raw: string | string[] | undefined): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n > 1 && n < 100_000 ? n : 1;
}
