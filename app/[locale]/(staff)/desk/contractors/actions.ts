'use server';

import { revalidatePath } from 'next/cache';
import { revalidatePublic } from '@/lib/public/revalidate';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { changeContractorVerification, changeContractorVerificationInTx, createContractor, updateContractor } from '@/lib/contractors/service';
import { takeConfirmedStep } from '@/lib/confirm/service';
import { awaitingConfirmation } from '@/lib/confirm/form-state';
import { formLocale, formText } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';

const profileFields = (fd: FormData) => ({
  nameZh: formText(fd, 'nameZh'),
  nameEn: formText(fd, 'nameEn'),
  kind: formText(fd, 'kind'),
  legalRepresentative: formText(fd, 'legalRepresentative'),
  contactPhone: formText(fd, 'contactPhone') ?? '',
  contactEmail: formText(fd, 'contactEmail') ?? '',
  qualifications: formText(fd, 'qualifications') ?? '',
});

function refresh(contractorId: number) {
  revalidatePublic({ contractorIds: [contractorId] });
  revalidatePath('/[locale]/desk/contractors', 'page');
  revalidatePath(`/[locale]/desk/contractors/${contractorId}`, 'page');
}

/** New organizations start as pending; verification is its own step. */
export async function createContractorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let createdId: number | null = null;
  const state = await runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'contractor.edit');
    const id = createContractor(getDb(), actor, { ...profileFields(formData), creditCode: formText(formData, 'creditCode'), verificationStatus: 'pending' }).id;
    createdId = id;
    refresh(id);
  });
  if (createdId) redirect(`/${formLocale(formData)}/desk/contractors/${createdId}`);
  return state;
}

export async function updateContractorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'contractor.edit');
    const contractorId = Number(formText(formData, 'contractorId'));
    updateContractor(getDb(), actor, { contractorId, ...profileFields(formData) });
    refresh(contractorId);
    return { status: 'ok', notice: 'contractorSaved' };
  });
}

export async function changeVerificationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'contractor.verify');
    const contractorId = Number(formText(formData, 'contractorId'));
    const input = { contractorId, to: formText(formData, 'to'), reason: formText(formData, 'reason') || undefined };
    // Suspension and debarment are public and stop new contracts: taken only once confirmed.
    const step = input.to === 'suspended' ? 'suspend' : input.to === 'debarred' ? 'debar' : null;
    if (step) {
      const outcome = takeConfirmedStep(getDb(), actor, { subject: 'contractor', step, id: contractorId, confirmation: formText(formData, 'confirmation') }, (tx) =>
        changeContractorVerificationInTx(tx, actor, input),
      );
      if (!outcome.done) return awaitingConfirmation(outcome, formData);
    } else {
      changeContractorVerification(getDb(), actor, input);
    }
    refresh(contractorId);
    return { status: 'ok', notice: 'verificationChanged' };
  });
}
