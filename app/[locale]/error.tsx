'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div className="space-y-3" role="alert">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {error.digest ? <p className="font-mono text-sm text-slate-600">ID: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-3 py-1.5 text-white">
        {t('retry')}
      </button>
    </div>
  );
}
