'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { DataTable } from '@/app/_components/data-table';
import { ActionForm, SubmitButton } from '@/app/_components/form';
import { importCatalogueAction, type ImportState } from './actions';

const initial: ImportState = { status: 'idle' };

export function ImportForm() {
  const t = useTranslations('importPage');
  const tv = useTranslations('validation');
  const [state, action] = useActionState(importCatalogueAction, initial);
  return (
    <div className="space-y-4">
      <ActionForm action={action} state={state} className="space-y-3" encType="multipart/form-data">
        <label className="block text-sm font-medium" htmlFor="field-files">{t('files')}</label>
        <input id="field-files" name="files" type="file" accept=".csv,text/csv" multiple required className="block text-sm" />
        <p className="text-xs text-slate-600">{t('filesHint')}</p>
        <div className="flex gap-2">
          <SubmitButton name="mode" value="dry-run">{t('dryRun')}</SubmitButton>
          <SubmitButton name="mode" value="import" className="bg-red-700 hover:bg-red-900">{t('import')}</SubmitButton>
        </div>
      </ActionForm>
      {state.counts ? (
        <p className="text-sm" data-testid="import-counts">{t('counts', { departments: state.counts.departments ?? 0, contractors: state.counts.contractors ?? 0, matters: state.counts.matters ?? 0 })}</p>
      ) : null}
      {state.problems && state.problems.length > 0 ? (
        <DataTable
          testId="import-problems"
          caption={t('problems', { count: state.problems.length })}
          showCaption
          rows={state.problems}
          rowKey={(_p, i) => i}
          columns={[
            { header: t('file'), rowHeader: true, cell: (p) => p.file },
            { header: t('row'), numeric: true, cell: (p) => p.row },
            { header: t('column'), className: 'font-mono', cell: (p) => p.column ?? '—' },
            { header: t('reason'), cell: (p) => (tv.has(p.reason) ? tv(p.reason) : p.reason) },
          ]}
        />
      ) : null}
    </div>
  );
}
