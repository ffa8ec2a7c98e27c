'use client';

import { useActionState } from 'react';
import { FormError, FormNotice, SubmitButton } from '@/app/_components/form';
import { idleState } from '@/lib/forms/state';
import { markNotificationsReadAction } from './actions';

/** Marks one notification read (`notificationKey`), or all of them; works without JavaScript. */
export function MarkReadForm({ notificationKey, label, testId }: { notificationKey?: string; label: string; testId: string }) {
  const [state, action] = useActionState(markNotificationsReadAction, idleState);
  return (
    <form action={action} data-testid={testId} className="inline-flex flex-wrap items-center gap-2">
      {notificationKey ? <input type="hidden" name="key" value={notificationKey} /> : <input type="hidden" name="all" value="1" />}
      <FormError state={state} />
      {notificationKey ? null : <FormNotice state={state} />}
      <SubmitButton className="bg-white px-2 py-1 text-xs text-brand-700 ring-1 ring-brand-700 hover:bg-brand-50">{label}</SubmitButton>
    </form>
  );
}
