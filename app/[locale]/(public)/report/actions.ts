'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { clientAddress } from '@/lib/auth/request';
import { formText } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { submitErrorReport } from '@/lib/reports/service';

/**
 * Anyone may report an error in a public record: no account, so the authorization is the rule itself —
 * only a public record can be reported, a report changes nothing but the inbox, and each address is
 * throttled (lib/reports/service.ts).
 */
export async function submitErrorReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const address = clientAddress(await headers());
    const row = submitErrorReport(
      getDb(),
      { recordType: formText(formData, 'recordType'), recordKey: formText(formData, 'recordKey'), message: formText(formData, 'message') ?? '' },
      { address },
    );
    return { status: 'ok', notice: 'reportReceived', errorParams: { number: row.id } };
  });
}
