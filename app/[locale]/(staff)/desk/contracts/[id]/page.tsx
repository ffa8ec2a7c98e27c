import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/current';
import { buildActor, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { hasEditedDraft, isFourEyesViolation } from '@/lib/auth/scope';
import { availableTransitions, contractTransitions } from '@/lib/contracts/rules';
import { isConfirmStep, previewConsequences } from '@/lib/confirm/consequences';
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
import { DeliverablesSection, ReportWorkSection } from '../../deliverables/deliverables-section';
import { listContractDeliverables } from '@/lib/deliverables/queries';
import { todayInShanghai } from '@/lib/shared/time';
import { ContractorRecordPanel } from '../../deliverables/contractor-record-panel';
import type { Metadata } from 'next';
import { staffPageTitle } from '@/lib/i18n/page-title';
import { Colon } from '@/app/_components/punctuation';
import { procurementFormValues, readContractProcurement } from '@/lib/procurement/read';
import { BIDDER_ROWS } from '@/lib/forms/procurement';
import { ProcurementSection } from '@/app/[locale]/(public)/_components/procurement-section';
import { attainmentColumn, ContractProgressTable } from '@/app/_components/contract-progress';
import { contractResults, listContractTargets, listMatterIndicators } from '@/lib/results/queries';
import { reportableIndicators } from '@/lib/results/service';
import { indicatorOptions, targetFormValues } from '@/lib/results/options';

export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { locale, id } = await params;
  return staffPageTitle(locale, 'deskContract', (actor) => (/^\d+$/.test(id) ? findContractForStaff(getDb(), actor, Number(id))?.contract.reference : null));
}
import { ApprovalLoopBanner } from './approval-loop-banner';

export default async function StaffContractPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ upload?: string | string[]; step?: string | string[]; warnings?: string | string[] }> }) {
  const { locale, id } = await params;
  const { upload, step, warnings: stepWarnings } = await searchParams;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  const db = getDb();
  const detail = /^\d+$/.test(id) ? findContractForStaff(db, actor, Number(id)) : undefined;
  if (!detail) notFound();
  const { contract: c } = detail;
  const progress = contractResults(db, c.id);
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
  const tp = await getTranslations('contractPage');
  const isOwnContractor = actor.role === 'contractor' && can(actor, 'deliverable.submit', { contractorId: c.contractorId });
  // The steps taken every day stay in view; suspending, terminating and cancelling open from a button.
  const rareStepNames: readonly string[] = ['suspend', 'terminate', 'cancel'];
  const commonSteps = steps.filter((s) => !rareStepNames.includes(s));
  const rareSteps = steps.filter((s) => rareStepNames.includes(s));
  const stepForm = (s: (typeof steps)[number], folded = false) => (
    <TransitionForm
      key={s}
      contractId={c.id}
      status={c.status}
      transition={s}
      needs={contractTransitions[s].needs}
      danger={s === 'terminate' || s === 'cancel'}
      consequences={isConfirmStep('contract', s) ? previewConsequences(db, actor, 'contract', s, c.id) : undefined}
      folded={folded}
    />
  );
  const awaitingReview = listContractDeliverables(db, c.id).filter((d) => d.status === 'submitted').length;
  const next = nextThingsToDo(tp, {
    status: c.status,
    awaitingReview: can(actor, 'deliverable.review', scope) ? awaitingReview : 0,
    milestonesToMark: readyToMark.size,
    pendingAmendment: Boolean(pendingAmendment),
    periodEnded: c.endDate < todayInShanghai(),
    canManage: can(actor, 'contract.manage', scope),
  });
  const sections: [string, string][] = [
    ['overview', tp('overview')],
    ...(steps.length ? ([['steps', t('nextSteps')]] as [string, string][]) : []),
    ['milestones', t('milestones')],
    ['payments', t('payments')],
    ['amendments', t('amendments')],
    ['deliverables-heading', t('deliverables')],
    ['evaluations', t('evaluations')],
    ['history-heading', t('history')],
  ];
  const procurement = readContractProcurement(db.$client, c.id, c.valueFen);
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

      {isOwnContractor && c.status === 'active' ? <ReportWorkSection contractId={c.id} locale={locale} milestones={detail.milestones} indicators={indicatorOptions(reportableIndicators(db, c), locale)} uploadStatus={typeof upload === 'string' ? upload : undefined} /> : null}

      {actor.role !== 'contractor' ? (
        <section aria-labelledby="summary-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-testid="contract-summary">
          <h2 id="summary-heading" className="sr-only">{tp('summaryHeading')}</h2>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
            <div><dt className="text-slate-600">{tp('status')}</dt><dd><ContractStatusBadge status={c.status} /></dd></div>
            <div><dt className="text-slate-600">{t('value')}</dt><dd className="tabular-nums">{fen(c.valueFen)}</dd></div>
            <div><dt className="text-slate-600">{t('paid')}</dt><dd className="tabular-nums">{fen(detail.paidFen)}</dd></div>
            <div><dt className="text-slate-600">{tp('left')}</dt><dd className="tabular-nums" data-testid="contract-left">{fen(Math.max(0, c.valueFen - detail.paidFen))}</dd></div>
          </dl>
          <div className="text-sm">
            <p className="font-medium">{tp('next')}</p>
            <ul className="list-disc ps-5" data-testid="contract-next">
              {next.map((n) => <li key={n}>{n}</li>)}
            </ul>
          </div>
        </section>
      ) : null}

      <nav aria-label={tp('onThisPage')} className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {sections.map(([anchor, label]) => (
            <li key={anchor}><a href={`#${anchor}`} className="text-brand-700 underline">{label}</a></li>
          ))}
        </ul>
      </nav>

      <dl id="overview" className="grid scroll-mt-4 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
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

      <ContractProgressTable progress={progress} locale={locale} status={attainmentColumn(progress, { startDate: c.startDate, endDate: c.endDate }, todayInShanghai())} />

      {detail.warnings.length ? (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="contract-warnings">
          <ul>{detail.warnings.map((w) => <li key={w}>{t(`warnings.${w}`)}</li>)}</ul>
        </div>
      ) : null}

      {/* How the contractor was chosen, with the rules' warnings: the approver reads them before approving. */}
      <ProcurementSection procurement={procurement} locale={locale} />

      {detail.previous ? (
        <section aria-labelledby="previous-heading" className="space-y-1 rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="previous-record">
          <h2 id="previous-heading" className="font-semibold">{t('previousRecord', { reference: detail.previous.reference })}</h2>
          <p>{t('previousDeliverables', { total: detail.previous.deliverables.total, accepted: detail.previous.deliverables.accepted, returned: detail.previous.deliverables.returned })}</p>
          {detail.previous.evaluations.length === 0 ? <p>{t('noEvaluations')}</p> : (
            <ul>{detail.previous.evaluations.map((e) => <li key={e.id}>{e.periodStart} – {e.periodEnd} · {t(`evaluatorKind.${e.evaluatorKind}`)} · {e.overallScore} · {t(`grade.${e.grade}`)}</li>)}</ul>
          )}
        </section>
      ) : null}

      {['active', 'completed'].includes(c.status) && can(actor, 'contract.draft', scope) ? (
        <Link href={{ pathname: '/desk/contracts/new', query: { renewal: c.id } }} className="inline-block rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50" data-testid="renew">{t('renew')}</Link>
      ) : null}

      {showRecord ? <ContractorRecordPanel db={db} actor={actor} contractorId={c.contractorId} /> : null}

      {steps.length ? (
        <section id="steps" aria-labelledby="steps-heading" className="scroll-mt-4 space-y-2">
          <h2 id="steps-heading" className="text-lg font-semibold">{t('nextSteps')}</h2>
          {commonSteps.length ? <div className="grid gap-3 sm:grid-cols-2">{commonSteps.map((s) => stepForm(s))}</div> : null}
          {rareSteps.length ? <div className="grid gap-3 sm:grid-cols-2" data-testid="rare-steps">{rareSteps.map((s) => stepForm(s, true))}</div> : null}
        </section>
      ) : null}

      <section id="milestones" aria-labelledby="milestones-heading" className="scroll-mt-4 space-y-2">
        <h2 id="milestones-heading" className="text-lg font-semibold">{t('milestones')}</h2>
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
      </section>

      <section id="payments" aria-labelledby="payments-heading" className="scroll-mt-4 space-y-2">
        <h2 id="payments-heading" className="text-lg font-semibold">{t('payments')}</h2>
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
      </section>

      <section id="amendments" aria-labelledby="amendments-heading" className="scroll-mt-4 space-y-2">
        <h2 id="amendments-heading" className="text-lg font-semibold">{t('amendments')}</h2>
        {detail.amendments.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : (
          <ul className="space-y-2 text-sm">
            {detail.amendments.map((a) => (
              <li key={a.id} className="rounded-md border border-slate-200 bg-white p-3" data-testid="amendment">
                <p><strong>{t(`amendmentStatus.${a.status}`)}</strong> · {a.rationale}</p>
                {a.previousValueFen !== a.newValueFen ? <p>{t('value')}<Colon />{fen(a.previousValueFen)} → {fen(a.newValueFen)}</p> : null}
                {a.previousEndDate !== a.newEndDate ? <p>{t('endDate')}<Colon />{a.previousEndDate} → {a.newEndDate}</p> : null}
                {a.previousTerms !== a.newTerms ? <p>{t('terms')}<Colon />{a.previousTerms || '—'} → {a.newTerms}</p> : null}
                {a.status === 'pending_approval' && can(actor, 'amendment.approve', scope) && !isFourEyesViolation(actor, a.requestedBy) ? (
                  <AmendmentDecisionForm contractId={c.id} amendmentId={a.id} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {c.status === 'active' && !pendingAmendment && can(actor, 'amendment.request', scope) ? <AmendmentForm contractId={c.id} contractorId={c.contractorId} procurement={procurementFormValues(db.$client, c.id, BIDDER_ROWS)} indicators={indicatorOptions(listMatterIndicators(db, c.matterId), locale)} targets={targetFormValues(listContractTargets(db, c.id))} /> : null}
      </section>

      <DeliverablesSection
        db={db}
        actor={actor}
        locale={locale}
        contract={{ id: c.id, status: c.status, departmentId: c.departmentId, contractorId: c.contractorId, matterId: c.matterId }}
        milestones={detail.milestones}
        uploadStatus={typeof upload === 'string' ? upload : undefined}
      />


      <section id="evaluations" aria-labelledby="evaluations-heading" className="scroll-mt-4 space-y-2">
        <h2 id="evaluations-heading" className="text-lg font-semibold">{t('evaluations')}</h2>
        {detail.evaluations.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : (
          <ul className="space-y-1 text-sm">
            {detail.evaluations.map((e) => (
              <li key={e.id} data-testid="evaluation">{e.periodStart} – {e.periodEnd} · {t(`evaluatorKind.${e.evaluatorKind}`)} · {e.overallScore} · {t(`grade.${e.grade}`)}</li>
            ))}
          </ul>
        )}
        {mayEvaluate ? <EvaluationForm contractId={c.id} kinds={actor.role === 'evaluator' ? ['third_party'] : evaluatorKinds} /> : null}
        {mayAssign || actor.role === 'admin' || actor.role === 'auditor' ? <EvaluatorAssignments contractId={c.id} mayAssign={mayAssign} actor={actor} /> : null}
      </section>

      <History events={contractHistory(db, detail)} title={t('history')} viewer={actor} />
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

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** What waits on this contract, in the order it should be done (the summary at the top of the page). */
function nextThingsToDo(t: Translate, c: { status: string; awaitingReview: number; milestonesToMark: number; pendingAmendment: boolean; periodEnded: boolean; canManage: boolean }): string[] {
  const next: string[] = [];
  if (c.status === 'draft') next.push(t('nextDraft'));
  if (c.status === 'pending_approval') next.push(t('nextPending'));
  if (c.awaitingReview > 0) next.push(t('nextReview', { count: c.awaitingReview }));
  if (c.milestonesToMark > 0) next.push(t('nextMilestones', { count: c.milestonesToMark }));
  if (c.pendingAmendment) next.push(t('nextAmendment'));
  if (c.status === 'suspended') next.push(t('nextSuspended'));
  if (c.status === 'active' && c.periodEnded && c.canManage) next.push(t('nextEnded'));
  if (next.length === 0) next.push(t('nextNothing'));
  return next;
}
