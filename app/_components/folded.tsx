'use client';

import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import type { ActionState } from '@/lib/forms/action-state';

/**
 * A rarely used form behind a button (a native details/summary: works without JavaScript). It stays open
 * while its form has something to say (an error, a confirmation to give, a success), including on the
 * page the server renders after a post without JavaScript.
 */
export function Folded({ summary, state, danger, children, testId }: { summary: string; state: ActionState; danger?: boolean; children: ReactNode; testId?: string }) {
  return (
    <details open={state.status !== 'idle' || undefined} className="rounded-md border border-slate-200 bg-white p-2" data-testid={testId}>
      <summary className={cn('cursor-pointer text-sm font-medium', danger ? 'text-red-800' : 'text-brand-700')}>{summary}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
