'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requestMetaOf } from '@/lib/auth/request';
import { clearSessionCookie, getSessionUser, requireActor, setSessionCookie } from '@/lib/auth/current';
import { signInWithPassword, signOut } from '@/lib/auth/sign-in';
import { changeOwnPassword } from '@/lib/users/account';
import { formLocale } from '@/lib/forms/form-data';
import { runFormAction, type ActionState } from '@/lib/forms/action-state';
import { roleHome } from '@/lib/auth/homes';
import { z } from 'zod';

const signInForm = z.object({ email: z.string().trim().max(320), password: z.string().max(1024) });

/** Public by nature (it is how one signs in); throttled and audited in lib/auth/sign-in.ts. */
export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const locale = formLocale(formData);
  let target: string | null = null;
  const state = await runFormAction(formData, async () => {
    const parsed = signInForm.safeParse({ email: formData.get('email') ?? '', password: formData.get('password') ?? '' });
    if (!parsed.success || !parsed.data.email || !parsed.data.password) {
      return { status: 'error', error: 'auth.missing', values: { email: String(formData.get('email') ?? '') } };
    }
    const request = requestMetaOf(await headers());
    const result = await signInWithPassword(getDb(), { ...parsed.data, address: request.address, request });
    if (!result.ok) {
      return {
        status: 'error',
        error: `auth.${result.error}`,
        errorParams: { minutes: Math.ceil((result.retryAfterSeconds ?? 0) / 60) },
        values: { email: parsed.data.email },
      };
    }
    await setSessionCookie(result.sessionId, result.userId);
    target = result.mustChangePassword ? `/${locale}/change-password` : `/${locale}${roleHome[result.role]}`;
  });
  if (target) redirect(target);
  return state;
}

export async function signOutAction(formData: FormData): Promise<void> {
  const user = await getSessionUser();
  if (user) signOut(getDb(), user, new Date(), requestMetaOf(await headers()));
  await clearSessionCookie();
  redirect(`/${formLocale(formData)}`);
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const locale = formLocale(formData);
  let done = false;
  const state = await runFormAction(formData, async () => {
    const actor = await requireActor();
    const result = await changeOwnPassword(getDb(), actor, {
      currentPassword: formData.get('currentPassword'),
      newPassword: formData.get('newPassword'),
    });
    await setSessionCookie(result.sessionId, result.userId);
    done = true;
  });
  if (done) redirect(`/${locale}/start`);
  return state;
}
