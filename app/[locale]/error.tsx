'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div className="space-y-3" role="alert">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {error.digest ? <p className="font-mono text-sm text-slate-600">ID: {error.digest}</p> : null}
      <Button type="button" onClick={reset}>
        {t('retry')}
      </Button>
    </div>
  );
}
