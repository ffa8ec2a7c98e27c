'use server';

import { revalidatePath } from 'next/cache';
import { revalidatePublic } from '@/lib/public/revalidate';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { formLocale, formText } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { changeMatterStatus, changeMatterStatusInTx, createMatter, updateMatter } from '@/lib/matters/service';
import { takeConfirmedStep } from '@/lib/confirm/service';
import { awaitingConfirmation } from '@/lib/confirm/form-state';
import { validate } from '@/lib/shared/validate';
import { matterForm, newMatterForm } from '@/lib/matters/schema';
import { addIndicator, editIndicator, retireIndicator } from '@/lib/results/service';

/** The fields of the matter form, and only those. */
const matterFields = (fd: FormData) => ({
  titleZh: formText(fd, 'titleZh'),
  titleEn: formText(fd, 'titleEn'),
  descriptionZh: formText(fd, 'descriptionZh') ?? '',
  descriptionEn: formText(fd, 'descriptionEn') ?? '',
  category: formText(fd, 'category'),
  legalBasis: formText(fd, 'legalBasis') ?? '',
  serviceStandard: formText(fd, 'serviceStandard') ?? '',
  annualBudgetFen: formText(fd, 'annualBudgetFen') ?? '',
});

function refresh(matterId: number) {
  revalidatePublic({ matterIds: [matterId] });
  revalidatePath('/[locale]/desk/matters', 'page');
  revalidatePath(`/[locale]/desk/matters/${matterId}`, 'page');
}

export async function createMatterAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let createdId: number | null = null;
  const state = await runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'matter.edit');
    // Officers create matters in their own department; admins choose one.
    const departmentId = actor.role === 'admin' || actor.role === 'system' ? formText(formData, 'departmentId') : actor.departmentId;
    const form = validate(newMatterForm, { ...matterFields(formData), code: formText(formData, 'code'), departmentId: departmentId ?? '' });
    const row = createMatter(getDb(), actor, { ...form, catalogueStatus: 'draft' });
    createdId = row.id;
    refresh(row.id);
  });
  if (createdId) redirect(`/${formLocale(formData)}/desk/matters/${createdId}`);
  return state;
}

export async function updateMatterAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'matter.edit');
    const matterId = Number(formText(formData, 'matterId'));
    updateMatter(getDb(), actor, { matterId, ...validate(matterForm, matterFields(formData)) });
    refresh(matterId);
    return { status: 'ok', notice: 'matterSaved' };
  });
}

export async function changeMatterStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'matter.edit');
    const matterId = Number(formText(formData, 'matterId'));
    const input = { matterId, to: formText(formData, 'to'), reason: formText(formData, 'reason') || undefined };
    // Withdrawal is public (the catalogue keeps the matter with its reason): taken only once confirmed.
    if (input.to === 'withdrawn') {
      const outcome = takeConfirmedStep(getDb(), actor, { subject: 'matter', step: 'withdraw', id: matterId, confirmation: formText(formData, 'confirmation') }, (tx) =>
        changeMatterStatusInTx(tx, actor, input),
      );
      if (!outcome.done) return awaitingConfirmation(outcome, formData);
    } else {
      changeMatterStatus(getDb(), actor, input);
    }
    refresh(matterId);
    return { status: 'ok', notice: 'matterStatusChanged' };
  });
}

// A matter's indicator catalogue (lib/results): thin actions, the use cases check scope and values.

const indicatorFields = (fd: FormData) => ({
  nameZh: formText(fd, 'nameZh') ?? '',
  nameEn: formText(fd, 'nameEn') ?? '',
  kind: formText(fd, 'kind'),
  direction: formText(fd, 'direction'),
  definitionZh: formText(fd, 'definitionZh') ?? '',
  definitionEn: formText(fd, 'definitionEn') ?? '',
});


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
    const { matterId } = retireIndicator(getDb(), actor, { indicatorId: formText(formData, 'indicatorId') });
    refresh(matterId);
    return { status: 'ok', notice: 'indicatorRetired' };
  });
}
