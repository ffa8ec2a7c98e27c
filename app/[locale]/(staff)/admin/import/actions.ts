'use server';

import { revalidatePublic } from '@/lib/public/revalidate';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { importCatalogue, type RowProblem } from '@/lib/catalogue/import';
import { AppError } from '@/lib/errors';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';

export type ImportState = ActionState & { problems?: RowProblem[]; counts?: Record<string, number>; dryRun?: boolean };

/** CSV files of up to 1 MB each (the server-action limit); larger catalogues use `npm run import`. */
export async function importCatalogueAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  let report: Pick<ImportState, 'problems' | 'counts' | 'dryRun'> = {};
  const state = await runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'catalogue.import');
    const files = formData.getAll('files').filter((f): f is File => typeof f !== 'string' && f.size > 0);
    if (files.length === 0) throw new AppError('validation', 'no file', { fieldErrors: { files: ['required'] } });
    const dryRun = formData.get('mode') !== 'import';
    const result = importCatalogue(getDb(), actor, await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))), { dryRun, source: files.map((f) => f.name).join(', ') });
    report = { problems: result.problems, counts: result.counts, dryRun };
    if (!dryRun && result.ok) revalidatePublic();
    return result.ok ? { status: 'ok', notice: dryRun ? 'importDryRunPassed' : 'importDone' } : { status: 'error', error: 'codes.validation' };
  });
  return { ...state, ...report };
}
