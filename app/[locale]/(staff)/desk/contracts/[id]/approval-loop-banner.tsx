import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { hasEditedDraft, isFourEyesViolation } from '@/lib/auth/scope';
import { findReturn, type ReturnedDraft } from '@/lib/contracts/approval-loop';
import { Link } from '@/lib/i18n/navigation';

/** The approver's comment on a returned draft. */
export async function ReturnNotice({ returned }: { returned: ReturnedDraft }) {
  const t = await getTranslations('approvalLoop');
  const format = await getFormatter();
  return (
    <div role="note" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm" data-testid="returned-notice">
      <p className="font-semibold">{t('returnedBy', { name: returned.returnedBy, time: format.dateTime(new Date(returned.returnedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      <p className="whitespace-pre-line" data-testid="returned-comment">{returned.comment}</p>
    </div>
  );
}

const steps = ['submit', 'return', 'approve', 'edited'] as const;

/**
 * The top of a contract's page in the approval loop: the confirmation of the step just taken (`?step=`), the
 * approver's comment on a returned draft with the way to edit it, and, for an approver's own draft, why
 * Approve is missing (four eyes: lib/contracts/service.ts refuses it, the contracts table's CHECK too).
 */
export async function ApprovalLoopBanner({ actor, contract, step, warnings }: { actor: Actor; contract: { id: number; status: string; draftedBy: number; departmentId: number }; step?: string; warnings?: boolean }) {
  const t = await getTranslations('approvalLoop');
  const db = getDb();
  const scope = { departmentId: contract.departmentId };
  const done = steps.find((s) => s === step);
  const returned = contract.status === 'draft' ? findReturn(db, actor, contract.id) : undefined;
  const mayEdit = contract.status === 'draft' && can(actor, 'contract.draft', scope);
  const ownPending =
    contract.status === 'pending_approval' && can(actor, 'contract.approve', scope) && (isFourEyesViolation(actor, contract.draftedBy) || hasEditedDraft(db, contract.id, actor.id));
  if (!done && !returned && !mayEdit && !ownPending) return null;
  return (
    <div className="space-y-2">
      {done ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="step-confirmation">
          {t(`done.${done}`)}
          {done === 'approve' && warnings ? ` ${t('approvedWithWarnings')}` : ''}
        </p>
      ) : null}
      {returned ? <ReturnNotice returned={returned} /> : null}
      {ownPending ? (
        <p role="note" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm" data-testid="own-draft-note">{t('ownDraft')}</p>
      ) : null}
      {mayEdit ? (
        <p className="text-sm">
          <Link href={`/desk/contracts/${contract.id}/edit`} className="inline-block rounded-md border border-brand-700 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50" data-testid="edit-draft">
            {returned ? t('editReturned') : t('editDraft')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
