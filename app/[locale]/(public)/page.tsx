import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { contractorKinds } from '@/lib/domain/enums';
import { formatFen, formatNumber } from '@/lib/format';
import { getHeadlineFigures } from '@/lib/stats/queries';
import { Card, CardTitle, CardValue } from '../_components/card';

// The figures change with every write; read them per request until write-time revalidation lands.
export const dynamic = 'force-dynamic';

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('home');
  const tk = await getTranslations('contractorKind');
  const figures = getHeadlineFigures(getDb());

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('intro')}</p>
      </div>
      <section aria-labelledby="figures-heading" className="space-y-3">
        <h2 id="figures-heading" className="text-lg font-semibold">
          {t('figuresHeading')}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Card data-testid="figure-matters">
            <CardTitle>{t('matters')}</CardTitle>
            <CardValue>{formatNumber(figures.matters.total, locale)}</CardValue>
            <p className="text-sm text-slate-600">{t('mattersListed', { count: figures.matters.listed })}</p>
          </Card>
          <Card data-testid="figure-contractors">
            <CardTitle>{t('contractors')}</CardTitle>
            <CardValue>{formatNumber(figures.contractors.total, locale)}</CardValue>
            <dl className="mt-2 space-y-1 text-sm" aria-label={t('contractorsByKind')}>
              {contractorKinds.map((kind) => (
                <div key={kind} className="flex justify-between gap-2" data-testid={`kind-${kind}`}>
                  <dt className="text-slate-600">{tk(kind)}</dt>
                  <dd className="font-medium tabular-nums">{formatNumber(figures.contractors.byKind[kind], locale)}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card data-testid="figure-contracts">
            <CardTitle>{t('contracts')}</CardTitle>
            <CardValue>{formatNumber(figures.contracts.approved, locale)}</CardValue>
          </Card>
          <Card data-testid="figure-value">
            <CardTitle>{t('totalValue')}</CardTitle>
            <CardValue className="text-2xl">{formatFen(figures.contracts.totalValueFen, locale)}</CardValue>
            <p className="text-sm text-slate-600">{t('totalValueNote')}</p>
          </Card>
        </div>
      </section>
    </div>
  );
}
