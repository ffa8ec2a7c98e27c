'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { formText } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { closeErrorReport } from '@/lib/reports/service';

/** An admin closes a visitor's error report with a note saying what was done. */
export async function closeErrorReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'report.manage');
    closeErrorReport(getDb(), actor, { reportId: formText(formData, 'reportId'), note: formText(formData, 'note') ?? '' });
    revalidatePath('/[locale]/admin/reports', 'page');
    return { status: 'ok', notice: 'reportClosed' };
  });
}
