'use client';

import { useTranslations } from 'next-intl';
import type { NavItem } from '@/lib/auth/homes';
import { Link, usePathname } from '@/lib/i18n/navigation';

/** The item a path belongs to: the longest item path that is the path or a folder above it (on /desk/matters, Matters, not Desk). */
export function currentItem(items: readonly NavItem[], pathname: string): NavItem | undefined {
  return [...items]
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
}

/**
 * The staff navigation: the role's sections as one primary row, the current one marked for assistive
 * technology (aria-current="page") and on screen (filled, with a bar under it).
 */
export function StaffNav({ items }: { items: readonly NavItem[] }) {
  const t = useTranslations('staff');
  const pathname = usePathname();
  const current = currentItem(items, pathname);
  return (
    <nav aria-label={t('navLabel')} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" data-testid="staff-nav">
      <ul className="flex flex-wrap gap-1 p-1.5">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item === current ? 'page' : undefined}
              className="inline-block rounded-md border-b-4 border-transparent px-3 py-2 text-base font-semibold text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-700 aria-[current=page]:border-brand-900 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              {t(`nav.${item.label}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
