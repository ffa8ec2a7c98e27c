'use client';

import { useTranslations } from 'next-intl';
import { Label } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { cn } from '@/lib/cn';
import type { ActionState } from '@/lib/forms/action-state';
import { Button } from '@/app/_components/button';
import { fieldClass } from '@/app/_components/field-class';

/** A form-level error from an action's state, announced to screen readers. */
export function FormError({ state }: { state: ActionState }) {
  const t = useTranslations('errors');
  if (state.status !== 'error' || !state.error) return null;
  const key = t.has(state.error) ? state.error : 'codes.validation';
  return (
    <div role="alert" data-testid="form-error" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      <p>{t(key, (state.errorParams ?? {}) as Record<string, string | number>)}</p>
      {state.errorId ? <p className="mt-1 font-mono text-xs">ID: {state.errorId}</p> : null}
    </div>
  );
}

export function FormNotice({ state }: { state: ActionState }) {
  const t = useTranslations('notices');
  if (state.status !== 'ok' || !state.notice) return null;
  return (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
      {t(state.notice)}
    </p>
  );
}

/**
 * A staff form's shell: the form bound to its server action (from useActionState), its hidden ids, then the
 * error and notice the action answered, then the fields and buttons.
 */
export function ActionForm({ state, hiddenFields = {}, children, ...props }: ComponentProps<'form'> & { state: ActionState; hiddenFields?: Record<string, string | number> }) {
  return (
    <form {...props}>
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormError state={state} />
      <FormNotice state={state} />
      {children}
    </form>
  );
}

type FieldProps = {
  name: string;
  label: string;
  state: ActionState;
  hint?: string;
  children?: ReactNode;
} & Omit<ComponentProps<'input'>, 'name'>;

/** A labelled input whose errors (validation message keys) show next to it in the reader's language. */
export function Field({ name, label, state, hint, className, children, ...input }: FieldProps) {
  const t = useTranslations('validation');
  const errors = state.fieldErrors?.[name] ?? [];
  // Pass an id when the same field appears in more than one form on a page.
  const id = input.id ?? `field-${name}`;
  const described = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('space-y-1', className)}>
      <Label.Root htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </Label.Root>
      {children ?? (
        <input
          id={id}
          name={name}
          defaultValue={input.type === 'password' ? undefined : state.values?.[name]}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={described}
          className={fieldClass}
          {...input}
        />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <ul id={`${id}-error`} className="text-sm text-red-700">
          {errors.map((e) => (
            <li key={e}>{t.has(e) ? t(e, (state.errorParams ?? {}) as Record<string, string | number>) : t('invalid')}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, className, ...props }: ComponentProps<'button'>) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} className={cn('px-4 py-2', className)} {...props}>
      {children}
    </Button>
  );
}
