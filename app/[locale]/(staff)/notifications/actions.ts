'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { formText } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { markNotificationsRead } from '@/lib/notifications/service';

/** Marks one of the caller's notifications read (`key`), or all of them (`all`). */
export async function markNotificationsReadAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'notification.read');
    const key = formText(formData, 'key');
    markNotificationsRead(getDb(), actor, formText(formData, 'all') ? { all: true } : { keys: key ? [key] : [] });
    revalidatePath('/[locale]', 'layout');
    return { status: 'ok', notice: 'notificationsRead' };
  });
}
