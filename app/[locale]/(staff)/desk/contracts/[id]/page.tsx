import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { buildActor, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { hasEditedDraft, isFourEyesViolation } from '@/lib/auth/scope';
import { availableTransitions, contractTransitions } from '@/lib/contracts/rules';
import { contractHistory, findContractForStaff } from '@/lib/contracts/staff-queries';
import { formatFen } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { History } from '@/app/_components/history';
import { ContractStatusBadge } from '@/app/_components/status-badge';
import { milestonesReadyToMark } from '@/lib/deliverables/queries';
import { assignedEvaluatorIds } from '@/lib/evaluations/assignments';
import { listContractEvaluators, listEvaluatorUsers } from '@/lib/evaluations/queries';
import { evaluatorKinds } from '@/lib/domain/enums';
import { isPublishedContractStatus, isSettlingContractStatus } from '@/lib/domain/predicates';
import { AmendmentDecisionForm, AmendmentForm, PaymentForm, TransitionForm } from '../contract-forms';
import { AssignEvaluatorForm, EvaluationForm, MilestoneStatusForm, UnassignEvaluatorForm } from '../../deliverables/deliverable-forms';
import { DeliverablesSection } from '../../deliverables/deliverables-section';
import { ContractorRecordPanel } from '../../deliverables/contractor-record-panel';
import { ApprovalLoopBanner } from './approval-loop-banner';
import { Section } from '@/app/_components/section';

export default async function StaffContractPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ upload?: string | string[]; step?: string | string[]; warnings?: string | string[] }> }) {
  const { locale, id } = await params;
  const { upload, step, warnings: stepWarnings } = await searchParams;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  const db = getDb();
  const detail = /^\d+$/.test(id) ? findContractForStaff(db, actor, Number(id)) : undefined;
  if (!detail) notFound();
  const { contract: c } = detail;
  const t = await getTranslations('contract');
  const tm = await getTranslations('milestone');
  const format = await getFormatter();
  const en = locale === 'en';
  const scope = { departmentId: c.departmentId };
  const steps = availableTransitions(c.status).filter((s) => can(actor, contractTransitions[s].permission, scope) && !(s === 'approve' && (isFourEyesViolation(actor, c.draftedBy) || hasEditedDraft(db, c.id, actor.id))));
  const pendingAmendment = detail.amendments.find((a) => a.status === 'pending_approval');
  const fen = (n: number) => formatFen(n, locale);
  const readyToMark = can(actor, 'milestone.update', scope) ? milestonesReadyToMark(db, c.id) : new Set<number>();
  const evaluationScope = { departmentId: c.departmentId, evaluatorIds: assignedEvaluatorIds(db, c.id) };
  const isApproved = isPublishedContractStatus(c.status);
  const mayEvaluate = isApproved && can(actor, 'evaluation.record', evaluationScope);
  const mayAssign = can(actor, 'evaluator.assign') && isApproved;
  const showRecord = (['draft', 'pending_approval'].includes(c.status) || c.renewalOfId !== null) && can(actor, 'contractor.read');

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{c.reference}</p>
        <h1 className="text-2xl font-bold">{en ? c.matterTitleEn : c.matterTitleZh}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <ContractStatusBadge status={c.status} /> {c.statusReason ? <span>{t('reasonLabel', { reason: c.statusReason })}</span> : null}
        </p>
      </div>
      <ApprovalLoopBanner actor={actor} contract={c} step={typeof step === 'string' ? step : undefined} warnings={stepWarnings === '1'} />

      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div><dt className="text-slate-600">{t('matter')}</dt><dd className="font-mono">{c.matterCode}</dd></div>
        <div><dt className="text-slate-600">{t('contractor')}</dt><dd>{can(actor, 'contractor.read') ? <Link href={`/desk/contractors/${c.contractorId}`} className="text-brand-700 underline">{en ? c.contractorNameEn : c.contractorNameZh}</Link> : en ? c.contractorNameEn : c.contractorNameZh}</dd></div>
        <div><dt className="text-slate-600">{t('department')}</dt><dd>{en ? c.departmentNameEn : c.departmentNameZh}</dd></div>
        <div><dt className="text-slate-600">{t('period')}</dt><dd className="tabular-nums">{c.startDate} – {c.endDate}</dd></div>
        <div><dt className="text-slate-600">{t('value')}</dt><dd className="tabular-nums" data-testid="contract-value">{fen(c.valueFen)}</dd></div>
        <div><dt className="text-slate-600">{t('paid')}</dt><dd className="tabular-nums" data-testid="contract-paid">{fen(detail.paidFen)}</dd></div>
        <div><dt className="text-slate-600">{t('drafter')}</dt><dd>{c.drafterName}</dd></div>
        <div><dt className="text-slate-600">{t('approver')}</dt><dd>{c.approverName ?? '—'}</dd></div>
        {c.justification ? <div className="sm:col-span-2"><dt className="text-slate-600">{t('justification')}</dt><dd>{c.justification}</dd></div> : null}
        <div className="sm:col-span-2"><dt className="text-slate-600">{t('terms')}</dt><dd className="whitespace-pre-line">{c.terms || '—'}</dd></div>
        <div className="sm:col-span-2"><dt className="text-slate-600">{t('declaration')}</dt><dd>{c.noSubcontractDeclared ? t('declared') : t('notDeclared')}</dd></div>
        {c.renewalOfId ? (
          <div><dt className="text-slate-600">{t('renewalOf')}</dt><dd><Link href={`/desk/contracts/${c.renewalOfId}`} className="text-brand-700 underline">{t('previousContract')}</Link></dd></div>
        ) : null}
      </dl>

      {detail.warnings.length ? (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="contract-warnings">
          <ul>{detail.warnings.map((w) => <li key={w}>{t(`warnings.${w}`)}</li>)}</ul>
        </div>
      ) : null}

      {detail.previous ? (
        <Section headingId="previous-heading" title={t('previousRecord', { reference: detail.previous.reference })} headingClassName="font-semibold" className="space-y-1 rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="previous-record">
          <p>{t('previousDeliverables', { total: detail.previous.deliverables.total, accepted: detail.previous.deliverables.accepted, returned: detail.previous.deliverables.returned })}</p>
          {detail.previous.evaluations.length === 0 ? <p>{t('noEvaluations')}</p> : (
            <ul>{detail.previous.evaluations.map((e) => <li key={e.id}>{e.periodStart} – {e.periodEnd} · {t(`evaluatorKind.${e.evaluatorKind}`)} · {e.overallScore} · {t(`grade.${e.grade}`)}</li>)}</ul>
          )}
        </Section>
      ) : null}

      {['active', 'completed'].includes(c.status) && can(actor, 'contract.draft', scope) ? (
        <Link href={{ pathname: '/desk/contracts/new', query: { renewal: c.id } }} className="inline-block rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50" data-testid="renew">{t('renew')}</Link>
      ) : null}

      {showRecord ? <ContractorRecordPanel db={db} actor={actor} contractorId={c.contractorId} /> : null}

      {steps.length ? (
        <Section headingId="steps-heading" title={t('nextSteps')} className="space-y-2">
          <div className="grid gap-3 sm:grid-cols-2">
            {steps.map((s) => (
              <TransitionForm key={s} contractId={c.id} status={c.status} transition={s} needs={contractTransitions[s].needs} danger={s === 'terminate' || s === 'cancel'} />
            ))}
          </div>
        </Section>
      ) : null}

      <Section headingId="milestones-heading" title={t('milestones')} className="space-y-2">
        {detail.milestones.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : (
          <ul className="space-y-1 text-sm">
            {detail.milestones.map((m) => (
              <li key={m.id} data-testid="milestone">
                <span className="tabular-nums">{m.dueDate}</span> · {m.title} · {tm(`type.${m.type}`)} · <strong>{tm(`status.${m.status}`)}</strong>
                {m.status === 'scheduled' && readyToMark.has(m.id) ? <MilestoneStatusForm contractId={c.id} milestoneId={m.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section headingId="payments-heading" title={t('payments')} className="space-y-2">
        {detail.payments.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : (
          <ul className="space-y-1 text-sm">
            {detail.payments.map((p) => (
              <li key={p.id} className="tabular-nums" data-testid="payment">{p.paidOn} · {fen(p.amountFen)}</li>
            ))}
          </ul>
        )}
        {can(actor, 'payment.record', scope) && isSettlingContractStatus(c.status) ? (
          <PaymentForm contractId={c.id} milestones={detail.milestones.filter((m) => m.type === 'payment').map((m) => ({ id: m.id, title: `${m.dueDate} ${m.title}` }))} />
        ) : null}
      </Section>

      <Section headingId="amendments-heading" title={t('amendments')} className="space-y-2">
        {detail.amendments.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : (
          <ul className="space-y-2 text-sm">
            {detail.amendments.map((a) => (
              <li key={a.id} className="rounded-md border border-slate-200 bg-white p-3" data-testid="amendment">
                <p><strong>{t(`amendmentStatus.${a.status}`)}</strong> · {a.rationale}</p>
                {a.previousValueFen !== a.newValueFen ? <p>{t('value')}: {fen(a.previousValueFen)} → {fen(a.newValueFen)}</p> : null}
                {a.previousEndDate !== a.newEndDate ? <p>{t('endDate')}: {a.previousEndDate} → {a.newEndDate}</p> : null}
                {a.previousTerms !== a.newTerms ? <p>{t('terms')}: {a.previousTerms || '—'} → {a.newTerms}</p> : null}
                {a.status === 'pending_approval' && can(actor, 'amendment.approve', scope) && !isFourEyesViolation(actor, a.requestedBy) ? (
                  <AmendmentDecisionForm contractId={c.id} amendmentId={a.id} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {c.status === 'active' && !pendingAmendment && can(actor, 'amendment.request', scope) ? <AmendmentForm contractId={c.id} /> : null}
      </Section>

      <DeliverablesSection
        db={db}
        actor={actor}
        locale={locale}
        contract={{ id: c.id, status: c.status, departmentId: c.departmentId, contractorId: c.contractorId }}
        milestones={detail.milestones}
        uploadStatus={typeof upload === 'string' ? upload : undefined}
      />

      <Section headingId="evaluations-heading" title={t('evaluations')} className="space-y-2">
        {detail.evaluations.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : (
          <ul className="space-y-1 text-sm">
            {detail.evaluations.map((e) => (
              <li key={e.id} data-testid="evaluation">{e.periodStart} – {e.periodEnd} · {t(`evaluatorKind.${e.evaluatorKind}`)} · {e.overallScore} · {t(`grade.${e.grade}`)}</li>
            ))}
          </ul>
        )}
        {mayEvaluate ? <EvaluationForm contractId={c.id} kinds={actor.role === 'evaluator' ? ['third_party'] : evaluatorKinds} /> : null}
        {mayAssign || actor.role === 'admin' || actor.role === 'auditor' ? <EvaluatorAssignments contractId={c.id} mayAssign={mayAssign} actor={actor} /> : null}
      </Section>

      <History events={contractHistory(db, detail)} title={t('history')} />
      <p className="text-xs text-slate-500">{t('shownAt', { time: format.dateTime(new Date(), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
    </div>
  );
}

async function EvaluatorAssignments({ contractId, mayAssign, actor }: { contractId: number; mayAssign: boolean; actor: Actor }) {
  const t = await getTranslations('evaluationForm');
  const db = getDb();
  const assigned = listContractEvaluators(db, contractId);
  const assignedIds = new Set(assigned.map((a) => a.userId));
  const candidates = mayAssign ? listEvaluatorUsers(db, actor).filter((u) => !assignedIds.has(u.id)) : [];
  return (
    <div className="space-y-2 text-sm">
      <h3 className="font-semibold">{t('assignedHeading')}</h3>
      {assigned.length ? (
        <ul className="space-y-1">{assigned.map((a) => <li key={a.userId} data-testid="assigned-evaluator" className="flex flex-wrap items-center gap-2">{a.name}{mayAssign ? <UnassignEvaluatorForm contractId={contractId} userId={a.userId} name={a.name} /> : null}</li>)}</ul>
      ) : <p className="text-slate-600">{t('noneAssigned')}</p>}
      {mayAssign && candidates.length ? <AssignEvaluatorForm contractId={contractId} evaluators={candidates.map((u) => ({ id: u.id, label: `${u.name} <${u.email}>` }))} /> : null}
    </div>
  );
}
