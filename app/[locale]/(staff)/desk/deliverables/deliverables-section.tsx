import { getFormatter, getTranslations } from 'next-intl/server';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { listDeliverableAttachments } from '@/lib/attachments/queries';
import { listContractDeliverables } from '@/lib/deliverables/queries';
import { AttachmentForm, DeliverableForm, ReviewForm } from './deliverable-forms';
import { FileName } from '@/app/_components/file-name';
import { Colon } from '@/app/_components/punctuation';
import { resultsByDeliverable } from '@/lib/results/queries';
import { reportableIndicators } from '@/lib/results/service';
import { formatUnitValue, indicatorName, indicatorOptions } from '@/lib/results/options';
import type { IndicatorOption } from '../indicator-fields';

const statusTone = { submitted: 'bg-amber-100 text-amber-900', accepted: 'bg-green-100 text-green-900', returned: 'bg-red-100 text-red-900' } as const;

/** A contract's deliverables with their reviews and files, and the forms the caller may use on them. */
export async function DeliverablesSection({
  db,
  actor,
  locale,
  contract,
  milestones,
  uploadStatus,
}: {
  db: Db;
  actor: Actor;
  locale: string;
  contract: { id: number; status: string; departmentId: number; contractorId: number; matterId: number };
  milestones: { id: number; title: string; dueDate: string }[];
  uploadStatus?: string;
}) {
  const t = await getTranslations('deliverables');
  const tc = await getTranslations('contract');
  const format = await getFormatter();
  const items = listContractDeliverables(db, contract.id);
  const files = listDeliverableAttachments(db, items.map((d) => d.id));
  const results = resultsByDeliverable(db, contract.id);
  const reportable = indicatorOptions(reportableIndicators(db, contract), locale);
  const isOwnContractor = can(actor, 'deliverable.submit', { contractorId: contract.contractorId }) && actor.role === 'contractor';
  const mayReview = can(actor, 'deliverable.review', { departmentId: contract.departmentId });
  const isActive = contract.status === 'active';
  const milestoneOptions = milestones.map((m) => ({ id: m.id, label: `${m.dueDate} ${m.title}` }));
  const milestoneTitle = new Map(milestones.map((m) => [m.id, `${m.dueDate} ${m.title}`]));
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section aria-labelledby="deliverables-heading" className="space-y-3">
      <h2 id="deliverables-heading" className="text-lg font-semibold">
        {tc('deliverables')}
      </h2>
      {uploadStatus && !(isOwnContractor && isActive) ? <UploadStatus status={uploadStatus} /> : null}
      {items.length === 0 ? <p className="text-sm text-slate-600">{tc('none')}</p> : (
        <ul className="space-y-3">
          {items.map((d) => (
            <li key={d.id} id={`deliverable-${d.id}`} className="space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="deliverable" data-status={d.status} data-title={d.title}>
              <p className="flex flex-wrap items-center gap-2">
                <strong>{d.title}</strong>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusTone[d.status]}`}>{tc(`deliverableStatus.${d.status}`)}</span>
                <span className="tabular-nums text-slate-600">{d.periodStart} – {d.periodEnd}</span>
              </p>
              <p className="text-slate-600">{t('submittedBy', { name: d.submitterName, time: when(d.submittedAt) })}</p>
              {d.milestoneId ? <p>{t('milestone')}<Colon />{milestoneTitle.get(d.milestoneId) ?? '—'}</p> : null}
              {d.supersedesId ? <p><a href={`#deliverable-${d.supersedesId}`} className="text-brand-700 underline">{t('resubmissionOf')}</a></p> : null}
              {d.supersededById ? <p><a href={`#deliverable-${d.supersededById}`} className="text-brand-700 underline">{t('replacedBy')}</a></p> : null}
              {d.description ? <p className="whitespace-pre-line">{d.description}</p> : null}
              {results.get(d.id)?.length ? (
                <dl className="grid grid-cols-2 gap-x-4 sm:grid-cols-3" data-testid="deliverable-results">
                  {results.get(d.id)!.map((r) => {
                    const name = indicatorName(r.indicator, locale);
                    return (
                      <div key={r.indicator.id}><dt className="text-xs text-slate-600" lang={name.lang}>{name.text}</dt><dd className="tabular-nums">{formatUnitValue(r.value, r.indicator.unit, locale)}</dd></div>
                    );
                  })}
                </dl>
              ) : null}
              {d.reviewedAt ? (
                <div className={d.status === 'returned' ? 'rounded border-l-4 border-red-400 bg-red-50 p-2' : 'rounded border-l-4 border-green-400 bg-green-50 p-2'} data-testid="review">
                  <p>{t('reviewedBy', { name: d.reviewerName ?? '—', time: when(d.reviewedAt) })}</p>
                  {d.reviewComment ? <p data-testid="review-comment">{d.reviewComment}</p> : null}
                </div>
              ) : null}
              {files.some((a) => a.deliverableId === d.id) ? (
                <ul className="space-y-0.5" aria-label={t('attachments')}>
                  {files.filter((a) => a.deliverableId === d.id).map((a) => (
                    <li key={a.id}>
                      <a href={`/api/attachments/${a.id}`} download className="text-brand-700 underline" data-testid="attachment-link"><FileName name={a.fileName} /></a>{' '}
                      <span className="text-xs text-slate-600">({format.number(Math.ceil(a.sizeBytes / 1024))} KB)</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {isOwnContractor && d.status === 'submitted' ? <AttachmentForm deliverableId={d.id} locale={locale} /> : null}
              {mayReview && d.status === 'submitted' ? <ReviewForm contractId={contract.id} deliverableId={d.id} /> : null}
              {isOwnContractor && isActive && d.status === 'returned' && !d.supersededById ? (
                <details className="rounded-md border border-slate-200 p-2">
                  <summary className="cursor-pointer font-medium text-brand-700">{t('resubmitHeading')}</summary>
                  <DeliverableForm contractId={contract.id} milestones={milestoneOptions} indicators={reportable} resubmitOf={{ id: d.id, title: d.title, periodStart: d.periodStart, periodEnd: d.periodEnd, description: d.description, milestoneId: d.milestoneId, results: Object.fromEntries((results.get(d.id) ?? []).map((r) => [r.indicator.code, String(r.value)])) }} />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The outcome of a file upload (the upload route sends the browser back with `?upload=<outcome>`). */
async function UploadStatus({ status }: { status: string }) {
  const t = await getTranslations('deliverables');
  return (
    <p role={status === 'ok' ? 'status' : 'alert'} data-testid="upload-status" className={status === 'ok' ? 'rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800' : 'rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800'}>
      {t.has(`upload.${status}`) ? t(`upload.${status}`) : t('upload.bad_request')}
    </p>
  );
}

/**
 * The contractor's main task, first on their contract page: log the work, then attach its files right
 * there. The upload comes back to this section (`#report`), with its outcome on top.
 */
export async function ReportWorkSection({ contractId, locale, milestones, indicators, uploadStatus }: { contractId: number; locale: string; milestones: { id: number; title: string; dueDate: string }[]; indicators: IndicatorOption[]; uploadStatus?: string }) {
  const t = await getTranslations('contractPage');
  return (
    <section id="report" aria-labelledby="report-heading" className="scroll-mt-4 space-y-3 rounded-lg border-2 border-brand-700/30 bg-brand-50/40 p-3" data-testid="report-work">
      <h2 id="report-heading" className="text-lg font-semibold">
        {t('reportHeading')}
      </h2>
      {uploadStatus ? <UploadStatus status={uploadStatus} /> : null}
      <p className="text-sm text-slate-700">{t('reportIntro')}</p>
      <DeliverableForm contractId={contractId} milestones={milestones.map((m) => ({ id: m.id, label: `${m.dueDate} ${m.title}` }))} indicators={indicators} locale={locale} />
    </section>
  );
}
