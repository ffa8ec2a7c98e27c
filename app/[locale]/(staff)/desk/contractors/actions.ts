'use server';

import { revalidatePath } from 'next/cache';
import { revalidatePublic } from '@/lib/public/revalidate';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { changeContractorVerification, createContractor, updateContractor } from '@/lib/contractors/service';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { formLocale, formText } from '@/lib/forms/form-data';

const text = formText;

const profileFields = (fd: FormData) => ({
  nameZh: text(fd, 'nameZh'),
  nameEn: text(fd, 'nameEn'),
  kind: text(fd, 'kind'),
  legalRepresentative: text(fd, 'legalRepresentative'),
  contactPhone: text(fd, 'contactPhone') ?? '',
  contactEmail: text(fd, 'contactEmail') ?? '',
  qualifications: text(fd, 'qualifications') ?? '',
});

function refresh(contractorId?: number) {
  revalidatePublic();
  revalidatePath('/[locale]/desk/contractors', 'page');
  if (contractorId) revalidatePath(`/[locale]/desk/contractors/${contractorId}`, 'page');
}

/** New organizations start as pending; verification is its own step. */
export async function createContractorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let createdId: number | null = null;
  const state = await runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'contractor.edit');
    createdId = createContractor(getDb(), actor, { ...profileFields(formData), creditCode: text(formData, 'creditCode'), verificationStatus: 'pending' }).id;
    refresh();
  });
  if (createdId) redirect(`/${formLocale(formData)}/desk/contractors/${createdId}`);
  return state;
}

export async function updateContractorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'contractor.edit');
    const contractorId = Number(text(formData, 'contractorId'));
    updateContractor(getDb(), actor, { contractorId, ...profileFields(formData) });
    refresh(contractorId);
    return { status: 'ok', notice: 'contractorSaved' };
  });
}

export async function changeVerificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'contractor.verify');
    const contractorId = Number(text(formData, 'contractorId'));
    changeContractorVerification(getDb(), actor, { contractorId, to: text(formData, 'to'), reason: text(formData, 'reason') || undefined });
    refresh(contractorId);
    return { status: 'ok', notice: 'verificationChanged' };
  });
}
