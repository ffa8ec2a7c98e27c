'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current';
import { requirePermission } from '@/lib/auth/permissions';
import { updateDepartment } from '@/lib/departments/service';
import { formText } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { revalidatePublic } from '@/lib/public/revalidate';

// Authenticates (requireActor) and authorizes (requirePermission, again in the use case); only the listed
// fields are read from the form. The department code does not change here.

export async function updateDepartmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, async () => {
    const actor = await requireActor();
    requirePermission(actor, 'department.manage');
    const department = updateDepartment(getDb(), actor, {
      departmentId: formData.get('departmentId'),
      nameZh: formText(formData, 'nameZh'),
      nameEn: formText(formData, 'nameEn'),
      kind: formText(formData, 'kind'),
      creditCode: formText(formData, 'creditCode') ?? '',
    });
    // Department names show on the public pages.
    revalidatePublic();
    revalidatePath('/[locale]/admin/departments', 'page');
    revalidatePath(`/[locale]/admin/departments/${department.id}`, 'page');
    return { status: 'ok', notice: 'departmentSaved' };
  });
}
