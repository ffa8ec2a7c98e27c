'use server';

import { validate } from '@/lib/shared/validate';
import { userRoleFieldsForm } from '@/lib/users/schema';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { createUserWithTemporaryPassword, enableUser, resetPassword, setUserDisabledInTx, updateUser } from '@/lib/users/service';
import { takeConfirmedStep } from '@/lib/confirm/service';
import { awaitingConfirmation } from '@/lib/confirm/form-state';

// Each action authenticates (requireActor) and authorizes (requirePermission, again in the use case).
// Only the listed fields are read from the form: anything else sent along is ignored.

export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'user.manage');
    validate(userRoleFieldsForm, { role: formData.get('role'), departmentId: formData.get('departmentId'), contractorId: formData.get('contractorId') });
    const { temporaryPassword } = await createUserWithTemporaryPassword(getDb(), actor, {
      email: formData.get('email'),
      name: formData.get('name'),
      role: formData.get('role'),
      departmentId: formData.get('departmentId') ?? '',
      contractorId: formData.get('contractorId') ?? '',
    });
    revalidatePath('/[locale]/admin/users', 'page');
    return { status: 'ok', notice: 'userCreated', oneTimePassword: temporaryPassword };
  });
}

export async function updateUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'user.manage');
    validate(userRoleFieldsForm, { role: formData.get('role'), departmentId: formData.get('departmentId'), contractorId: formData.get('contractorId') });
    updateUser(getDb(), actor, {
      userId: formData.get('userId'),
      name: formData.get('name'),
      role: formData.get('role'),
      departmentId: formData.get('departmentId') ?? '',
      contractorId: formData.get('contractorId') ?? '',
    });
    revalidatePath('/[locale]/admin/users', 'page');
    return { status: 'ok', notice: 'userUpdated' };
  });
}

export async function setUserDisabledAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'user.manage');
    const input = { userId: formData.get('userId') };
    // Disabling ends the person's sessions at once: taken only once confirmed.
    if (formData.get('disabled') === 'true') {
      const confirmation = formData.get('confirmation');
      const outcome = takeConfirmedStep(getDb(), actor, { subject: 'user', step: 'disable', id: Number(input.userId), confirmation: typeof confirmation === 'string' ? confirmation : null }, (tx) =>
        setUserDisabledInTx(tx, actor, input, true),
      );
      if (!outcome.done) return awaitingConfirmation(outcome, formData);
    } else enableUser(getDb(), actor, input);
    revalidatePath('/[locale]/admin/users', 'page');
    return { status: 'ok', notice: formData.get('disabled') === 'true' ? 'userDisabled' : 'userEnabled' };
  });
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'user.manage');
    const temporaryPassword = await resetPassword(getDb(), actor, { userId: formData.get('userId') });
    return { status: 'ok', notice: 'passwordReset', oneTimePassword: temporaryPassword };
  });
}
