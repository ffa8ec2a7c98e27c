import { getTranslations } from 'next-intl/server';
import type { Db } from '@/db/client';
import { DataTable } from '@/app/_components/data-table';
import { Section } from '@/app/_components/section';
import { listMatterIndicators } from '@/lib/results/queries';
import { indicatorName } from '@/lib/results/options';
import { AddIndicatorForm, EditIndicatorForm, RetireIndicatorForm } from './indicator-forms';

/** A matter's performance indicators on the staff matter page; its department adds, edits and retires them. */
export async function IndicatorSection({ db, matterId, locale, editable }: { db: Db; matterId: number; locale: string; editable: boolean }) {
  const t = await getTranslations('results');
  const indicators = listMatterIndicators(db, matterId, { includeRetired: true });
  return (
    <Section headingId="matter-indicators" title={t('catalogueHeading')} className="space-y-3" data-testid="indicator-catalogue">
      <p className="text-sm text-slate-600">{t('catalogueIntro')}</p>
      <DataTable
        rows={indicators}
        rowKey={(i) => i.id}
        rowTestId="indicator-row"
        caption={t('catalogueHeading')}
        empty={t('none')}
        columns={[
          {
            header: t('name'),
            rowHeader: true,
            cell: (i) => {
              const name = indicatorName(i, locale);
              return (
                <span>
                  <span lang={name.lang}>{name.text}</span> <code className="font-mono text-xs text-slate-600">{i.code}</code>
                </span>
              );
            },
          },
          { header: t('unit'), nowrap: true, cell: (i) => t(`units.${i.unit}`) },
          { header: t('kind'), cell: (i) => t(`kinds.${i.kind}`) },
          { header: t('direction'), cell: (i) => t(`directions.${i.direction}`) },
          { header: t('definition'), cell: (i) => (locale === 'en' ? i.definitionEn || i.definitionZh : i.definitionZh) || '—' },
          { header: t('retired'), status: true, cell: (i) => (i.retiredAt ? <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t('retired')}</span> : null) },
          editable
            ? {
                header: t('editOne'),
                cell: (i) =>
                  i.retiredAt ? null : (
                    <details>
                      <summary className="cursor-pointer text-sm text-brand-700">{t('editOne')}</summary>
                      <div className="mt-2 space-y-3">
                        <EditIndicatorForm indicatorId={i.id} initial={{ nameZh: i.nameZh, nameEn: i.nameEn, kind: i.kind, direction: i.direction, definitionZh: i.definitionZh, definitionEn: i.definitionEn }} />
                        <RetireIndicatorForm indicatorId={i.id} matterId={matterId} />
                      </div>
                    </details>
                  ),
              }
            : null,
        ]}
      />
      {editable ? (
        <details className="max-w-2xl rounded-md border border-slate-200 p-2">
          <summary className="cursor-pointer font-medium text-brand-700">{t('add')}</summary>
          <div className="mt-2">
            <AddIndicatorForm matterId={matterId} />
          </div>
        </details>
      ) : null}
    </Section>
  );
}
