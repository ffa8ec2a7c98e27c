'use server';

import { revalidatePath } from 'next/cache';
import { revalidatePublic } from '@/lib/public/revalidate';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { setMilestoneStatus } from '@/lib/contracts/service';
import { reviewDeliverable, submitDeliverable } from '@/lib/deliverables/service';
import { formText } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { valuesFromForm } from '@/lib/results/values';

// Thin: read the form's own fields, authenticate, authorize, call one use case, revalidate.

function refresh(contractId: number) {
  revalidatePublic({ contractIds: [contractId] });
  revalidatePath('/[locale]/desk', 'layout');
  revalidatePath('/[locale]/portal', 'page');
  revalidatePath(`/[locale]/desk/contracts/${contractId}`, 'page');
}

/** A contractor logs a deliverable, or resubmits returned work (supersedesId). */
export async function submitDeliverableAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'deliverable.submit');
    const row = submitDeliverable(getDb(), actor, {
      contractId: formText(formData, 'contractId'),
      milestoneId: formText(formData, 'milestoneId') || undefined,
      title: formText(formData, 'title'),
      periodStart: formText(formData, 'periodStart'),
      periodEnd: formText(formData, 'periodEnd'),
      description: formText(formData, 'description') ?? '',
      results: valuesFromForm(formData, 'result'),
      supersedesId: formText(formData, 'supersedesId') || undefined,
    });
    refresh(row.contractId);
    return { status: 'ok', notice: row.supersedesId ? 'deliverableResubmitted' : 'deliverableSubmitted', recordId: row.id };
  });
}

/** An officer of the contract's department accepts a deliverable or returns it with a comment. */
export async function reviewDeliverableAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'deliverable.review');
    const result = reviewDeliverable(getDb(), actor, {
      deliverableId: formText(formData, 'deliverableId'),
      decision: formText(formData, 'decision'),
      comment: formText(formData, 'comment') ?? '',
    });
    refresh(result.contractId);
    return { status: 'ok', notice: result.status === 'accepted' ? 'deliverableAccepted' : 'deliverableReturned' };
  });
}

/** After the milestone's work is accepted, the officer marks it met, partially met or not met. */
export async function setMilestoneStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'milestone.update');
    const { contractId } = setMilestoneStatus(getDb(), actor, { milestoneId: formText(formData, 'milestoneId'), status: formText(formData, 'status') });
    refresh(contractId);
    return { status: 'ok', notice: 'milestoneMarked' };
  });
}
