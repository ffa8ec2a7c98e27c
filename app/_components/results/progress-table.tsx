import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/app/_components/data-table';
import { formatMeasure, formatShare } from '@/lib/format';
import type { Attainment } from '@/lib/results/attainment';
import { AttainmentBadge } from './attainment-badge';

/**
 * A contract's progress against its targets: per indicator (in the reader's language) its unit, target,
 * result so far (accepted values only), share of the target and status, then how the status is judged.
 * The shared DataTable, so a card per indicator on phones. Props are plain data: the attainments of
 * `contractAttainment` (lib/results/attainment.ts), the unit labels in the reader's language by UN/CEFACT
 * code (a missing one shows the code), and the date they were judged at (ISO date, Beijing).
 */
export function ResultsProgressTable({ attainments, unitLabels, asOf, testId = 'results-progress' }: { attainments: readonly Attainment[]; unitLabels: Readonly<Record<string, string>>; asOf: string; testId?: string }) {
  const t = useTranslations('results');
  const locale = useLocale();
  const dash = '—';
  const name = (a: Attainment) => (locale === 'zh-CN' ? a.indicator.nameZh : a.indicator.nameEn);
  const measure = (n: number | null) => (n === null ? dash : formatMeasure(n, locale));
  const elapsed = attainments[0]?.elapsedShare;
  return (
    <div className="space-y-2" data-testid={testId}>
      <DataTable
        rows={attainments}
        rowKey={(a) => a.indicator.code}
        rowTestId={`${testId}-row`}
        caption={t('progressCaption')}
        empty={t('noIndicators')}
        columns={[
          { header: t('indicator'), cell: name, rowHeader: true },
          { header: t('statusHeader'), cell: (a) => <AttainmentBadge status={a.status} />, status: true },
          { header: t('unit'), cell: (a) => unitLabels[a.indicator.unitCode] ?? a.indicator.unitCode },
          { header: t('target'), cell: (a) => measure(a.target), numeric: true },
          { header: t('result'), cell: (a) => measure(a.result), numeric: true },
          { header: t('share'), cell: (a) => (a.share === null || a.target === null ? dash : formatShare(a.result ?? 0, a.target, locale)), numeric: true },
        ]}
      />
      {elapsed !== undefined && <p className="text-sm text-slate-700">{t('elapsed', { share: formatShare(elapsed, 1, locale), date: asOf })}</p>}
      {attainments.length > 0 && <p className="max-w-3xl text-sm text-slate-600">{t('progressMethod')}</p>}
    </div>
  );
}
