import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

type Query = Record<string, string | number | undefined>;

/** Previous / next links that keep every other parameter of the query string (works without JavaScript). */
export async function Pager({ pathname, query, page, hasNext }: { pathname: string; query: Query; page: number; hasNext: boolean }) {
  const t = await getTranslations('pager');
  const href = (p: number) => ({
    pathname,
    query: Object.fromEntries(
      Object.entries({ ...query, page: String(p) })
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => [k, String(v)]),
    ),
  });
  return (
    <nav aria-label={t('label')} className="flex gap-3 text-sm">
      {page > 1 ? <Link href={href(page - 1)} className="text-brand-700 underline">{t('previous')}</Link> : null}
      <span>{t('page', { page })}</span>
      {hasNext ? <Link href={href(page + 1)} className="text-brand-700 underline">{t('next')}</Link> : null}
    </nav>
  );
}
