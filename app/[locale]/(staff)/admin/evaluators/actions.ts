'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { assignEvaluator, unassignEvaluator } from '@/lib/evaluations/assignments';
import { formText } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';

/** An admin assigns a third-party evaluator to a contract. */
export async function assignEvaluatorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'evaluator.assign');
    const contractId = formText(formData, 'contractId');
    assignEvaluator(getDb(), actor, { contractId, userId: formText(formData, 'userId') });
    revalidatePath(`/[locale]/desk/contracts/${contractId}`, 'page');
    revalidatePath('/[locale]/evaluations', 'page');
    return { status: 'ok', notice: 'evaluatorAssigned' };
  });
}

/** An admin withdraws an evaluator's assignment to a contract. */
export async function unassignEvaluatorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'evaluator.assign');
    const contractId = formText(formData, 'contractId');
    unassignEvaluator(getDb(), actor, { contractId, userId: formText(formData, 'userId') });
    revalidatePath(`/[locale]/desk/contracts/${contractId}`, 'page');
    revalidatePath('/[locale]/evaluations', 'page');
    return { status: 'ok', notice: 'evaluatorUnassigned' };
  });
}
