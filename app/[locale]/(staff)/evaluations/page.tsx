import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/current';

/** The evaluator's home: contracts an admin assigned for third-party evaluation. */
export default async function EvaluationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale);
  if (user.role !== 'evaluator') notFound();
  const t = await getTranslations('evaluationsHome');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('none')}</p>
    </div>
  );
}
