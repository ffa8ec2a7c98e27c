'use server';

import { revalidatePath } from 'next/cache';
import { revalidatePublic } from '@/lib/public/revalidate';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { decideAmendment, requestAmendment } from '@/lib/contracts/amendments';
import { contractTransitions, type ContractTransition } from '@/lib/contracts/rules';
import { draftContract, recordPayment, transitionContract } from '@/lib/contracts/service';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { validate } from '@/lib/shared/validate';
import { amendmentForm, contractDraftForm, paymentForm } from '@/lib/contracts/schema';
import { routing } from '@/lib/i18n/routing';
import { milestoneTypes } from '@/lib/domain/enums';

// Thin: read the form's own fields, authenticate, authorize, call one use case, revalidate.

const text = (fd: FormData, name: string) => {
  const v = fd.get(name);
  return typeof v === 'string' ? v : undefined;
};

const localeOf = (fd: FormData) => (routing.locales.includes(text(fd, 'locale') as never) ? text(fd, 'locale')! : routing.defaultLocale);

function refresh(contractId?: number) {
  revalidatePublic();
  revalidatePath('/[locale]/desk', 'layout');
  if (contractId) revalidatePath(`/[locale]/desk/contracts/${contractId}`, 'page');
}

export async function draftContractAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let createdId: number | null = null;
  const state = await runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'contract.draft');
    const milestones = [0, 1, 2, 3]
      .map((i) => ({ title: text(formData, `milestones.${i}.title`) ?? '', type: text(formData, `milestones.${i}.type`) ?? '', dueDate: text(formData, `milestones.${i}.dueDate`) ?? '' }))
      .filter((m) => m.title.trim() || m.dueDate.trim())
      .map((m) => ({ ...m, type: (milestoneTypes as readonly string[]).includes(m.type) ? m.type : 'delivery' }));
    const input = validate(contractDraftForm, {
      matterId: text(formData, 'matterId'),
      contractorId: text(formData, 'contractorId'),
      valueFen: text(formData, 'valueFen') ?? '',
      startDate: text(formData, 'startDate'),
      endDate: text(formData, 'endDate'),
      justification: text(formData, 'justification') || undefined,
      terms: text(formData, 'terms') ?? '',
      noSubcontractDeclared: formData.get('noSubcontractDeclared') === 'on' ? true : undefined,
      renewalOfId: text(formData, 'renewalOfId') || undefined,
      milestones,
    });
    const { contract } = draftContract(getDb(), actor, input);
    createdId = contract.id;
    refresh();
  });
  if (createdId) redirect(`/${localeOf(formData)}/desk/contracts/${createdId}`);
  return state;
}

export async function transitionContractAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    const transition = text(formData, 'transition') as ContractTransition;
    requirePermission(actor, contractTransitions[transition]?.permission ?? 'contract.manage');
    const contractId = Number(text(formData, 'contractId'));
    const result = transitionContract(getDb(), actor, {
      contractId,
      transition,
      reason: text(formData, 'reason') || undefined,
      expectedStatus: text(formData, 'expectedStatus') || undefined,
    });
    refresh(contractId);
    return { status: 'ok', notice: result.warnings.length ? 'approvedWithWarnings' : 'transitionDone' };
  });
}

export async function recordPaymentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'payment.record');
    const contractId = Number(text(formData, 'contractId'));
    recordPayment(
      getDb(),
      actor,
      validate(paymentForm, { contractId, amountFen: text(formData, 'amountFen') ?? '', paidOn: text(formData, 'paidOn'), milestoneId: text(formData, 'milestoneId') || undefined }),
    );
    refresh(contractId);
    return { status: 'ok', notice: 'paymentRecorded' };
  });
}

export async function requestAmendmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'amendment.request');
    const contractId = Number(text(formData, 'contractId'));
    requestAmendment(
      getDb(),
      actor,
      validate(amendmentForm, {
        contractId,
        newValueFen: text(formData, 'newValueFen') ?? '',
        newEndDate: text(formData, 'newEndDate') || undefined,
        newTerms: text(formData, 'newTerms') || undefined,
        rationale: text(formData, 'rationale'),
      }),
    );
    refresh(contractId);
    return { status: 'ok', notice: 'amendmentRequested' };
  });
}

export async function decideAmendmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'amendment.approve');
    decideAmendment(getDb(), actor, {
      amendmentId: text(formData, 'amendmentId'),
      decision: text(formData, 'decision'),
      comment: text(formData, 'comment') ?? '',
    });
    refresh(Number(text(formData, 'contractId')) || undefined);
    return { status: 'ok', notice: 'amendmentDecided' };
  });
}
