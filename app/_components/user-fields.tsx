'use client';

import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';
import { Field } from './form';
import { roles } from '@/lib/domain/enums';
import type { ActionState } from '@/lib/forms/action-state';
import { fieldClass } from '@/app/_components/field-class';

type Choice = { id: number; name: string };

const noSubscription = () => () => {};
/** False on the server and while hydrating, true once React runs in the browser (JavaScript on). */
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

/**
 * Role and scope: an officer or approver needs a department, a contractor user an organization. With
 * JavaScript only the chosen role's field shows (a hidden one is not sent); without it both show, and the
 * server refuses a field the role has none of with a message (lib/users/schema.ts userRoleFieldsForm).
 */
export function UserScopeFields({
  state,
  departments,
  contractors,
  defaults,
}: {
  state: ActionState;
  departments: Choice[];
  contractors: Choice[];
  defaults?: { role?: string; departmentId?: number | null; contractorId?: number | null };
}) {
  const t = useTranslations('people');
  const tr = useTranslations('staff.roles');
  const value = (name: string, fallback: string | number | null | undefined) => state.values?.[name] ?? (fallback == null ? '' : String(fallback));
  const hydrated = useHydrated();
  const [role, setRole] = useState(() => value('role', defaults?.role ?? 'officer'));
  const showDepartment = !hydrated || role === 'officer' || role === 'approver';
  const showContractor = !hydrated || role === 'contractor';
  return (
    <>
      <Field name="role" label={t('role')} state={state}>
        <select id="field-role" name="role" value={role} onChange={(e) => setRole(e.target.value)} className={fieldClass}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
      </Field>
      {showDepartment ? (
        <Field name="departmentId" label={t('department')} hint={t('departmentHint')} state={state}>
          <select id="field-departmentId" name="departmentId" defaultValue={value('departmentId', defaults?.departmentId)} className={fieldClass}>
            <option value="">—</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {showContractor ? (
        <Field name="contractorId" label={t('contractor')} hint={t('contractorHint')} state={state}>
          <select id="field-contractorId" name="contractorId" defaultValue={value('contractorId', defaults?.contractorId)} className={fieldClass}>
            <option value="">—</option>
            {contractors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
    </>
  );
}
