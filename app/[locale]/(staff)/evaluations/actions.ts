'use server';

import { revalidatePath } from 'next/cache';
import { revalidatePublic } from '@/lib/public/revalidate';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { recordEvaluation } from '@/lib/evaluations/service';
import { formText } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { namedValueRows } from '@/lib/forms/rows';

/** The department's officers, or an evaluator assigned to the contract, record an evaluation for a period. */
export async function recordEvaluationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'evaluation.record');
    const row = recordEvaluation(getDb(), actor, {
      contractId: formText(formData, 'contractId'),
      evaluatorKind: formText(formData, 'evaluatorKind'),
      periodStart: formText(formData, 'periodStart'),
      periodEnd: formText(formData, 'periodEnd'),
      scores: namedValueRows(formData, 'scores'),
      comment: formText(formData, 'comment') ?? '',
    });
    revalidatePath(`/[locale]/desk/contracts/${row.contractId}`, 'page');
    revalidatePublic({ contractIds: [row.contractId] });
    return { status: 'ok', notice: 'evaluationRecorded' };
  });
}
