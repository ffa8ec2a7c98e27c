'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { formText } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { revalidatePublic } from '@/lib/public/revalidate';
import { addIndicator, editIndicator, retireIndicator } from '@/lib/results/service';

// A matter's indicator catalogue (lib/results): thin actions, the use cases check scope and values.

const indicatorFields = (fd: FormData) => ({
  nameZh: formText(fd, 'nameZh') ?? '',
  nameEn: formText(fd, 'nameEn') ?? '',
  kind: formText(fd, 'kind'),
  direction: formText(fd, 'direction'),
  definitionZh: formText(fd, 'definitionZh') ?? '',
  definitionEn: formText(fd, 'definitionEn') ?? '',
});

function refresh(matterId: number) {
  revalidatePublic();
  revalidatePath(`/[locale]/desk/matters/${matterId}`, 'page');
}

export async function addIndicatorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'matter.edit');
    const row = addIndicator(getDb(), actor, { matterId: formText(formData, 'matterId'), code: formText(formData, 'code') ?? '', unit: formText(formData, 'unit'), ...indicatorFields(formData) });
    refresh(row.matterId);
    return { status: 'ok', notice: 'indicatorAdded' };
  });
}

export async function editIndicatorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'matter.edit');
    const row = editIndicator(getDb(), actor, { indicatorId: formText(formData, 'indicatorId'), ...indicatorFields(formData) });
    refresh(row.matterId);
    return { status: 'ok', notice: 'indicatorUpdated' };
  });
}

export async function retireIndicatorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'matter.edit');
    retireIndicator(getDb(), actor, { indicatorId: formText(formData, 'indicatorId') });
    const matterId = Number(formText(formData, 'matterId'));
    if (matterId) refresh(matterId);
    return { status: 'ok', notice: 'indicatorRetired' };
  });
}
