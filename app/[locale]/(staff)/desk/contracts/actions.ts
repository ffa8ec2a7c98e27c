'use server';

import { revalidatePath } from 'next/cache';
import { revalidatePublic } from '@/lib/public/revalidate';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { decideAmendment, requestAmendment } from '@/lib/contracts/amendments';
import { contractTransitions, type ContractTransition } from '@/lib/contracts/rules';
import { draftContract, recordPayment, transitionContract, transitionContractInTx } from '@/lib/contracts/service';
import { editDraftContract } from '@/lib/contracts/edit-draft';
import { isConfirmStep } from '@/lib/confirm/consequences';
import { takeConfirmedStep } from '@/lib/confirm/service';
import { awaitingConfirmation } from '@/lib/confirm/form-state';
import { formLocale, formText } from '@/lib/forms/form-data';
import { formValues, runFormAction, type ActionState } from '@/lib/forms/action-state';
import { validate } from '@/lib/shared/validate';
import { amendmentForm, contractDraftForm, contractEditForm, contractTransitionInput, paymentForm } from '@/lib/contracts/schema';
import { contractFieldsFromForm, editedMilestoneRows } from '@/lib/forms/contract-draft';
import { offeredBidderRows, procurementFromForm } from '@/lib/forms/procurement';
import { valuesFromForm } from '@/lib/results/values';

// Thin: read the form's own fields, authenticate, authorize, call one use case, revalidate.

function refresh(contractId: number) {
  revalidatePublic({ contractIds: [contractId] });
  revalidatePath('/[locale]/desk', 'layout');
  revalidatePath(`/[locale]/desk/contracts/${contractId}`, 'page');
}

export async function draftContractAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let createdId: number | null = null;
  const state = await runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'contract.draft');
    // The contractor search without JavaScript: nothing is drafted; every field comes back as typed.
    if (formText(formData, 'intent') === 'search') return { status: 'idle', values: formValues(formData) };
    const input = validate(contractDraftForm, contractFieldsFromForm(formData));
    const { contract } = draftContract(getDb(), actor, input);
    createdId = contract.id;
    refresh(contract.id);
  });
  if (createdId) redirect(`/${formLocale(formData)}/desk/contracts/${createdId}`);
  return state;
}

/** Saves an edited draft (or returned draft) with the drafting form's fields and checks; back on its page, the confirmation on top. */
export async function editDraftContractAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let editedId: number | null = null;
  const state = await runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'contract.draft');
    const input = validate(contractEditForm, {
      ...contractFieldsFromForm(formData, editedMilestoneRows(formData)),
      contractId: formText(formData, 'contractId'),
    });
    const { contract } = editDraftContract(getDb(), actor, input);
    editedId = contract.id;
    refresh(contract.id);
  });
  if (editedId) redirect(`/${formLocale(formData)}/desk/contracts/${editedId}?step=edited`);
  return state;
}

/** Steps of the approval loop end on the contract's page with their confirmation at the top, where the person looks next. */
const loopSteps: readonly string[] = ['submit', 'return', 'approve'];

export async function transitionContractAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    const transition = formText(formData, 'transition') as ContractTransition;
    requirePermission(actor, contractTransitions[transition]?.permission ?? 'contract.manage');
    const contractId = Number(formText(formData, 'contractId'));
    const input = validate(contractTransitionInput, {
      contractId,
      transition,
      reason: formText(formData, 'reason') || undefined,
      expectedStatus: formText(formData, 'expectedStatus') || undefined,
    });
    let warnings: unknown[] = [];
    // Complete, terminate, suspend and cancel are taken only with the confirmation of their consequences.
    if (isConfirmStep('contract', transition)) {
      const outcome = takeConfirmedStep(getDb(), actor, { subject: 'contract', step: transition, id: contractId, confirmation: formText(formData, 'confirmation') }, (tx) =>
        transitionContractInTx(tx, actor, input),
      );
      if (!outcome.done) return awaitingConfirmation(outcome, formData);
      warnings = outcome.result.warnings;
    } else {
      warnings = transitionContract(getDb(), actor, input).warnings;
    }
    refresh(contractId);
    if (loopSteps.includes(transition)) redirect(`/${formLocale(formData)}/desk/contracts/${contractId}?step=${transition}${warnings.length ? '&warnings=1' : ''}`);
    return { status: 'ok', notice: warnings.length ? 'approvedWithWarnings' : 'transitionDone' };
  });
}

export async function recordPaymentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'payment.record');
    const contractId = Number(formText(formData, 'contractId'));
    recordPayment(
      getDb(),
      actor,
      validate(paymentForm, { contractId, amountFen: formText(formData, 'amountFen') ?? '', paidOn: formText(formData, 'paidOn'), milestoneId: formText(formData, 'milestoneId') || undefined }),
    );
    refresh(contractId);
    return { status: 'ok', notice: 'paymentRecorded' };
  });
}

export async function requestAmendmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'amendment.request');
    const contractId = Number(formText(formData, 'contractId'));
    requestAmendment(
      getDb(),
      actor,
      validate(amendmentForm, {
        contractId,
        newValueFen: formText(formData, 'newValueFen') ?? '',
        newEndDate: formText(formData, 'newEndDate') || undefined,
        newTerms: formText(formData, 'newTerms') || undefined,
        // The contract's targets as the form shows them (lib/results); the use case sees whether they changed.
        newTargets: [...formData.keys()].some((k) => k.startsWith('target_')) ? valuesFromForm(formData, 'target') : undefined,
        rationale: formText(formData, 'rationale'),
        // A new procurement record (the current one, sent unchanged, changes nothing).
        procurement: procurementFromForm(formData, formText(formData, 'contractorId'), offeredBidderRows(formData)),
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
    const decided = decideAmendment(getDb(), actor, {
      amendmentId: formText(formData, 'amendmentId'),
      decision: formText(formData, 'decision'),
      comment: formText(formData, 'comment') ?? '',
    });
    refresh(decided.contractId);
    return { status: 'ok', notice: 'amendmentDecided' };
  });
}
