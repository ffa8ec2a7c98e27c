'use client';

import { useLocale, useTranslations } from 'next-intl';
import { AlertDialog } from 'radix-ui';
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { cn } from '@/lib/cn';
import type { Consequences } from '@/lib/confirm/consequences';
import type { ActionState } from '@/lib/forms/action-state';
import { formatFen } from '@/lib/format';

const buttonBase =
  'inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60';
const dangerButton = 'bg-red-700 text-white hover:bg-red-900';

/** What a step does, in numbers and in words: one sentence a line. */
export function ConsequenceList({ consequences: c }: { consequences: Consequences }) {
  const t = useTranslations('confirmStep');
  const locale = useLocale();
  const fen = (n: number) => formatFen(n, locale);
  const f = c.facts;
  const key = `${c.subject}_${c.step}`;
  const lines: string[] = [];
  if (f.plannedMilestones !== undefined) lines.push(t('plannedMilestones', { count: f.plannedMilestones }));
  if (f.unpaidFen !== undefined && c.subject === 'contract') lines.push(t('contractUnpaid', { unpaid: fen(f.unpaidFen), paid: fen(f.paidFen ?? 0), value: fen(f.valueFen ?? 0) }));
  if (f.awaitingReview !== undefined) lines.push(t('awaitingReview', { count: f.awaitingReview }));
  if (f.runningContracts !== undefined && c.subject === 'matter') lines.push(t('matterRunning', { count: f.runningContracts }));
  if (f.runningContracts !== undefined && c.subject === 'contractor') lines.push(t('contractorRunning', { count: f.runningContracts, unpaid: fen(f.unpaidFen ?? 0) }));
  if (f.pendingContracts !== undefined) lines.push(t('pendingContracts', { count: f.pendingContracts }));
  if (f.openSessions !== undefined) lines.push(t('openSessions', { count: f.openSessions }));
  lines.push(t(`effect.${key}`, { label: c.label }));
  return (
    <ul className="list-disc space-y-1 ps-5 text-sm" data-testid="consequences">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

function ConfirmButton({ token, children }: { token: string; children: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name="confirmation" value={token} disabled={pending} aria-disabled={pending} className={cn(buttonBase, dangerButton)} data-testid="confirm-step">
      {children}
    </button>
  );
}

/**
 * The server's answer to a step sent without (or with an outdated) confirmation: the consequences and a
 * button that sends the step again with their token. This is the whole confirmation without JavaScript;
 * the panel is brought into view where the person is looking.
 */
export function ConfirmationPanel({ state, action }: { state: ActionState; action: string }) {
  const t = useTranslations('confirmStep');
  const ref = useRef<HTMLDivElement>(null);
  const c = state.confirmation;
  useEffect(() => {
    if (c) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [c]);
  if (!c) return null;
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3" data-testid="confirmation-panel">
      <p className="font-semibold">{c.changed ? t('changed') : t('required', { action })}</p>
      <ConsequenceList consequences={c} />
      {c.needsReason ? <p className="text-sm">{c.isPublic ? t('reasonPublic') : t('reasonKept')}</p> : null}
      <ConfirmButton token={c.token}>{t('confirm', { action })}</ConfirmButton>
    </div>
  );
}

/**
 * The submit button of an irreversible or public step. Without JavaScript it posts the form, and the server
 * answers with the confirmation panel; with JavaScript it checks the form, then opens a dialog showing the
 * same consequences (read when the page was rendered), whose confirm button sends the token along.
 */
export function ConfirmedSubmit({ consequences, state, children, className }: { consequences: Consequences | null; state: ActionState; children: ReactNode; className?: string }) {
  const t = useTranslations('confirmStep');
  // Open for the state it was opened on: a new answer from the server (done, refused, asking again) closes it.
  const [openedOn, setOpenedOn] = useState<ActionState | null>(null);
  const open = openedOn === state;
  const setOpen = (value: boolean) => setOpenedOn(value ? state : null);
  const { pending } = useFormStatus();
  const onClick = (e: MouseEvent<HTMLButtonElement>) => {
    if (!consequences) return;
    e.preventDefault();
    if (e.currentTarget.form && !e.currentTarget.form.reportValidity()) return;
    setOpen(true);
  };
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <button type="submit" onClick={onClick} disabled={pending} aria-disabled={pending} className={cn(buttonBase, dangerButton, className)}>
        {children}
      </button>
      {consequences ? (
        // Rendered inside the form (no portal), so the confirm button submits it with the token.
        <>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-3 rounded-lg bg-white p-4 shadow-xl" data-testid="confirm-dialog">
            <AlertDialog.Title className="text-lg font-semibold">{t('title', { action: String(children) })}</AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div>
                <ConsequenceList consequences={consequences} />
              </div>
            </AlertDialog.Description>
            {consequences.needsReason ? <p className="text-sm">{consequences.isPublic ? t('reasonPublic') : t('reasonKept')}</p> : null}
            <div className="flex flex-wrap justify-end gap-2">
              <AlertDialog.Cancel className={cn(buttonBase, 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50')}>{t('goBack')}</AlertDialog.Cancel>
              <ConfirmButton token={consequences.token}>{t('confirm', { action: String(children) })}</ConfirmButton>
            </div>
          </AlertDialog.Content>
        </>
      ) : null}
    </AlertDialog.Root>
  );
}
