/**
 * The look of every text input, select and textarea, in staff forms, public filters and the sign-in page alike.
 * A plain module (no 'use client'), so server pages and client forms both import the string itself. Text stays
 * 16 px, below which phones zoom in on focus.
 */
export const fieldClass =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid]:border-red-500';
