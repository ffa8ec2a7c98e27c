import type { ReactNode } from 'react';

/**
 * A list's filters behind a button on a phone: a <details> (no JavaScript needed) whose summary reads like a
 * button, open by itself when a filter is in use. From the md breakpoint up the filters are always shown and
 * the summary is hidden (`fold-below-md` in app/globals.css). Put it inside the filter form, between the
 * search field (always shown) and the submit button, so a folded filter still goes with the search.
 */
export function FilterDisclosure({ summary, open, children }: { summary: ReactNode; open: boolean; children: ReactNode }) {
  return (
    <details className="fold-below-md" open={open || undefined} data-testid="filter-disclosure">
      <summary className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium whitespace-nowrap hover:bg-slate-100">
        {summary}
      </summary>
      <div className="pt-3 md:pt-0">{children}</div>
    </details>
  );
}
